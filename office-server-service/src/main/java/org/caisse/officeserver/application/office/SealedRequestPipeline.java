package org.caisse.officeserver.application.office;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.common.keys.KeyLookup;
import org.caisse.common.keys.MerchantKey;
import org.caisse.common.seal.JsonSealString;
import org.caisse.common.seal.SealAlgorithm;
import org.caisse.common.seal.Seals;
import org.caisse.common.sips.ResponseCode;
import org.caisse.officeserver.application.port.out.DownstreamUnavailableException;
import org.caisse.officeserver.application.port.out.MerchantKeyStore;
import org.caisse.officeserver.application.port.out.MerchantRepository;
import org.caisse.officeserver.domain.merchant.MerchantMode;
import org.caisse.officeserver.domain.office.CommonRequestFields;
import org.caisse.officeserver.domain.office.FieldFormatException;
import org.caisse.officeserver.domain.office.MerchantKeyReference;
import org.caisse.officeserver.domain.office.RequestFields;
import org.caisse.officeserver.domain.office.ResponseFields;
import org.jboss.logging.Logger;

/**
 * The one path every Office Server request takes (SIPS.md §5):
 * <ol>
 * <li>common fields ({@code merchantId}, {@code interfaceVersion} with the service's prefix and ≥ 2.0,
 * {@code keyVersion}, {@code seal}, optional {@code sealAlgorithm}) → 30 + {@code errorFieldName};</li>
 * <li>the merchant key of {@code keyVersion} → unknown or unusable, or a TEST key for a PRODUCTION merchant: 34;
 * key service down: HTTP 503, 90;</li>
 * <li>the seal (HMAC-SHA-256 over the JSON seal string, constant-time comparison) → mismatch: 34;</li>
 * <li>the operation, which checks its own fields (30) and acts for the sealed merchant only.</li>
 * </ol>
 * Nothing is done downstream before step 3 succeeds. Every answer is sealed with the merchant's key
 * whenever that key is known, error answers included.
 */
@ApplicationScoped
public class SealedRequestPipeline {

    private static final Logger LOG = Logger.getLogger(SealedRequestPipeline.class);
    static final int OK = 200;
    static final int SERVICE_UNAVAILABLE = 503;

    private final MerchantKeyStore keys;
    private final MerchantRepository merchants;

    @Inject
    public SealedRequestPipeline(MerchantKeyStore keys, MerchantRepository merchants) {
        this.keys = keys;
        this.merchants = merchants;
    }

    /** @param body the request, already parsed as a JSON object */
    public Uni<OfficeReply> handle(OfficeOperation operation, Map<String, Object> body) {
        RequestFields fields = new RequestFields(body);
        CommonRequestFields common;
        try {
            common = CommonRequestFields.parse(fields, operation.interfaceVersionPrefix());
        } catch (FieldFormatException badField) {
            return formatErrorOnCommonField(operation, fields, badField.fieldName());
        }
        return keys.find(common.merchantId(), common.keyVersion())
                .onItem().transformToUni(lookup -> switch (lookup) {
                    case KeyLookup.Found found -> refusesTestKey(common.merchantId(), found.key())
                            .flatMap(refused -> refused
                                    ? Uni.createFrom().item(log(operation, common.merchantId(),
                                            unsealed(operation, OK, ResponseCode.FRAUD_SUSPICION)))
                                    : verifyThenExecute(operation, body, common, fields, found.key()));
                    case KeyLookup.Unknown unknown -> Uni.createFrom().item(
                            log(operation, common.merchantId(), unsealed(operation, OK, ResponseCode.FRAUD_SUSPICION)));
                    case KeyLookup.Unusable unusable -> Uni.createFrom().item(
                            log(operation, common.merchantId(), unsealed(operation, OK, ResponseCode.FRAUD_SUSPICION)));
                })
                .onFailure(DownstreamUnavailableException.class).recoverWithItem(down -> {
                    LOG.warnf("key service unavailable for %s/%s: %s", operation.family(), operation.name(),
                            down.getMessage());
                    return unsealed(operation, SERVICE_UNAVAILABLE, ResponseCode.SERVICE_UNAVAILABLE);
                });
    }

    /**
     * A key tagged TEST never seals the request of a merchant in PRODUCTION mode (TEST keys are handed out freely and
     * must not move real money): answered like an unknown key, 34 unsealed. The merchant is read only for TEST keys.
     */
    private Uni<Boolean> refusesTestKey(String merchantId, MerchantKey key) {
        if (!"TEST".equals(key.environment())) {
            return Uni.createFrom().item(false);
        }
        return merchants.modeOf(merchantId).map(mode -> {
            boolean refused = mode.filter(MerchantMode.PRODUCTION::equals).isPresent();
            if (refused) {
                LOG.warnf("TEST key version %d refused for PRODUCTION merchant %s", key.keyVersion(), merchantId);
            }
            return refused;
        });
    }

    private Uni<OfficeReply> verifyThenExecute(OfficeOperation operation, Map<String, Object> body,
                                               CommonRequestFields common, RequestFields fields, MerchantKey key) {
        String sealString = JsonSealString.of(body, JsonSealString.REQUEST_EXCLUSIONS);
        if (!Seals.matches(SealAlgorithm.HMAC_SHA_256, key.secretKey(), sealString, common.seal())) {
            return Uni.createFrom().item(log(operation, common.merchantId(),
                    sealed(operation, OK, ResponseFields.withCode(ResponseCode.FRAUD_SUSPICION.code()).asMap(), key)));
        }
        AuthenticatedRequest request = new AuthenticatedRequest(common, fields);
        return Uni.createFrom().deferred(() -> operation.execute(request))
                .map(response -> sealed(operation, OK, response, key))
                .onFailure(FieldFormatException.class).recoverWithItem(badField -> sealed(operation, OK,
                        ResponseFields.withCode(ResponseCode.FORMAT_ERROR.code())
                                .put("errorFieldName", ((FieldFormatException) badField).fieldName()).asMap(),
                        key))
                .onFailure(DownstreamUnavailableException.class).recoverWithItem(down -> {
                    LOG.warnf("downstream unavailable for %s/%s: %s", operation.family(), operation.name(),
                            down.getMessage());
                    return sealed(operation, SERVICE_UNAVAILABLE,
                            ResponseFields.withCode(ResponseCode.SERVICE_UNAVAILABLE.code()).asMap(), key);
                })
                .onFailure().recoverWithItem(unexpected -> {
                    LOG.errorf(unexpected, "unexpected failure in %s/%s", operation.family(), operation.name());
                    return sealed(operation, OK, ResponseFields.withCode(ResponseCode.TEMPORARY_PROBLEM.code()).asMap(), key);
                })
                .map(reply -> log(operation, common.merchantId(), reply));
    }

    /**
     * A bad common field: answer 30 naming it, sealed when the merchant and key version are well-formed
     * and the key is found; otherwise unsealed (the key service being down does not turn a format
     * error into 90).
     */
    private Uni<OfficeReply> formatErrorOnCommonField(OfficeOperation operation, RequestFields fields,
                                                      String fieldName) {
        Map<String, Object> response = inCodeFieldOf(operation, ResponseFields.withCode(ResponseCode.FORMAT_ERROR.code())
                .put("errorFieldName", fieldName).asMap());
        Optional<MerchantKeyReference> reference = CommonRequestFields.keyReferenceOf(fields);
        if (reference.isEmpty()) {
            return Uni.createFrom().item(log(operation, null, new OfficeReply(OK, response)));
        }
        return keys.find(reference.get().merchantId(), reference.get().keyVersion())
                .map(lookup -> lookup instanceof KeyLookup.Found found
                        ? sealed(operation, OK, response, found.key())
                        : new OfficeReply(OK, response))
                .onFailure().recoverWithItem(new OfficeReply(OK, response))
                .map(reply -> log(operation, reference.get().merchantId(), reply));
    }

    static OfficeReply sealed(OfficeOperation operation, int status, Map<String, Object> response, MerchantKey key) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(inCodeFieldOf(operation, response));
        body.remove("seal");
        body.put("seal", Seals.compute(SealAlgorithm.HMAC_SHA_256, key.secretKey(),
                JsonSealString.of(body, JsonSealString.RESPONSE_EXCLUSIONS)));
        return new OfficeReply(status, body);
    }

    static OfficeReply unsealed(OfficeOperation operation, int status, ResponseCode code) {
        return new OfficeReply(status, inCodeFieldOf(operation, ResponseFields.withCode(code.code()).asMap()));
    }

    /**
     * The pipeline writes its refusals with {@code responseCode}; a service answering with another code field
     * (wallet services: {@code walletResponseCode}) gets it under that name, in the same place, before sealing.
     */
    static Map<String, Object> inCodeFieldOf(OfficeOperation operation, Map<String, Object> response) {
        String field = operation.responseCodeField();
        if ("responseCode".equals(field) || !response.containsKey("responseCode")) {
            return response;
        }
        Map<String, Object> renamed = new java.util.LinkedHashMap<>();
        response.forEach((name, value) -> renamed.put("responseCode".equals(name) ? field : name, value));
        return renamed;
    }

    private static OfficeReply log(OfficeOperation operation, String merchantId, OfficeReply reply) {
        LOG.infof("office %s/%s merchant=%s responseCode=%s", operation.family(), operation.name(),
                merchantId, reply.responseCode());
        return reply;
    }
}
