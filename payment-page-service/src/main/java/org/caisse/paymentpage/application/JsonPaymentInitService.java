package org.caisse.paymentpage.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caisse.common.keys.KeyLookup;
import org.caisse.common.keys.MerchantKey;
import org.caisse.common.seal.JsonSealString;
import org.caisse.common.seal.SealAlgorithm;
import org.caisse.common.seal.Seals;
import org.caisse.common.sips.ResponseCode;
import org.caisse.paymentpage.application.port.out.MerchantKeys;
import org.caisse.paymentpage.application.port.out.MerchantSettingsStore;
import org.caisse.paymentpage.application.port.out.PaymentRequestStore;
import org.caisse.paymentpage.config.PaymentPageConfig;
import org.caisse.paymentpage.config.PublicPageConfig;
import org.caisse.paymentpage.domain.InterfaceVersion;
import org.caisse.paymentpage.domain.MerchantSettings;
import org.caisse.paymentpage.domain.PaymentRequest;
import org.caisse.paymentpage.domain.PaymentRequestRejected;
import org.caisse.paymentpage.domain.PaymentStatus;
import org.caisse.paymentpage.domain.PaypageJsonRules;
import org.caisse.paymentpage.domain.PaypageRequest;
import org.caisse.paymentpage.domain.PaypageRequestRules;
import org.caisse.paymentpage.domain.S10References;
import org.jboss.logging.Logger;

/**
 * Paypage JSON (SIPS.md §3): checks a JSON init with the rules of the Paypage POST, stores the payment
 * request and answers where to send the shopper; then turns the {@code redirectionData} the shopper's
 * browser posts back into the stored payment request. Nothing is stored on a refusal.
 */
@ApplicationScoped
public class JsonPaymentInitService {

    /** The hosted page's path after a JSON init; its full URL is the {@code redirectionUrl}. */
    public static final String REDIRECTION_PATH = "/paymentProcess";
    public static final String REDIRECTION_VERSION = "IR_WS_2.0";
    private static final String ACCEPTED_MESSAGE = "INITIALISATION REQUEST ACCEPTED";
    private static final Logger LOG = Logger.getLogger(JsonPaymentInitService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MerchantSettingsStore merchants;
    private final MerchantKeys keys;
    private final PaymentRequestStore store;
    private final Clock clock;
    private final PaymentPageConfig config;
    private final PublicPageConfig publicPage;

    public JsonPaymentInitService(MerchantSettingsStore merchants, MerchantKeys keys, PaymentRequestStore store,
                                  Clock clock, PaymentPageConfig config, PublicPageConfig publicPage) {
        this.merchants = merchants;
        this.keys = keys;
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.publicPage = publicPage;
    }

    /** Checks and stores a JSON init; every outcome is an answer (a refusal carries its Sips code). */
    public Uni<JsonInitAnswer> init(Map<String, Object> body) {
        PaypageRequest request;
        InterfaceVersion version;
        try {
            version = PaypageJsonRules.interfaceVersion(body);
            PaypageJsonRules.requireHmacSealAlgorithm(body);
            request = PaypageRequestRules.requireFields(S10References.apply(PaypageJsonRules.data(body), S10References.today(clock)));
        } catch (PaymentRequestRejected rejected) {
            return Uni.createFrom().item(refusal(rejected, null));
        }
        return merchants.find(request.merchantId())
                .onItem().transformToUni(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(refusal(PaymentRequestRejected.of("03"), null));
                    }
                    return withKey(found.get(), request, version, body);
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("Paypage JSON init failed for merchant %s: %s", request.merchantId(), e.getClass().getSimpleName());
                    return refusal(PaymentRequestRejected.of("99"), null);
                });
    }

    private Uni<JsonInitAnswer> withKey(MerchantSettings merchant, PaypageRequest request, InterfaceVersion version,
                                        Map<String, Object> body) {
        return keys.find(request.merchantId(), request.keyVersion())
                .map(lookup -> {
                    if (!(lookup instanceof KeyLookup.Found foundKey) || !merchant.acceptsKeyOf(foundKey.key().environment())) {
                        return Optional.<MerchantKey>empty();
                    }
                    return Optional.of(foundKey.key());
                })
                .onFailure().transform(e -> {
                    LOG.warnf("Key service unavailable for merchant %s: %s", request.merchantId(), e.getClass().getSimpleName());
                    return PaymentRequestRejected.of("90");
                })
                .onItem().transformToUni(key -> {
                    String sealString = JsonSealString.of(body, JsonSealString.REQUEST_EXCLUSIONS);
                    if (key.isEmpty() || !Seals.matches(SealAlgorithm.HMAC_SHA_256, key.get().secretKey(), sealString,
                            PaypageJsonRules.seal(body))) {
                        return Uni.createFrom().item(refusal(PaymentRequestRejected.of("34"), null));
                    }
                    return checkAndStore(merchant, request, version, key.get());
                })
                .onFailure(PaymentRequestRejected.class)
                .recoverWithItem(e -> refusal((PaymentRequestRejected) e, null));
    }

    private Uni<JsonInitAnswer> checkAndStore(MerchantSettings merchant, PaypageRequest request,
                                              InterfaceVersion version, MerchantKey key) {
        try {
            PaypageRequestRules.checkOptionalFields(request);
            PaypageRequestRules.checkUrls(request, merchant);
            PaypageRequestRules.checkCurrency(request, merchant);
        } catch (PaymentRequestRejected rejected) {
            return Uni.createFrom().item(refusal(rejected, key));
        }
        PaymentRequest created = newRequest(request, version);
        return store.insert(created).map(inserted -> {
            if (!inserted) {
                return refusal(PaymentRequestRejected.of("94"), key);
            }
            LOG.infof("Payment request %s stored (JSON) for merchant %s reference %s", created.id(),
                    request.merchantId(), request.transactionReference());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("redirectionData", created.id().toString());
            answer.put("redirectionStatusCode", "00");
            answer.put("redirectionStatusMessage", ACCEPTED_MESSAGE);
            answer.put("redirectionUrl", publicPage.publicUrl() + REDIRECTION_PATH);
            answer.put("redirectionVersion", REDIRECTION_VERSION);
            return sealed("00", answer, key);
        });
    }

    /**
     * The stored payment request a shopper's browser was sent to, if {@code redirectionData} names one
     * that a JSON init created; anything else is empty (and nothing changes).
     */
    public Uni<Optional<UUID>> redirection(String redirectionVersion, String redirectionData) {
        if (redirectionVersion == null || !REDIRECTION_VERSION.equals(redirectionVersion.strip()) || redirectionData == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        UUID id;
        try {
            id = UUID.fromString(redirectionData.strip());
        } catch (IllegalArgumentException notAnId) {
            return Uni.createFrom().item(Optional.empty());
        }
        return store.find(id).map(found -> found
                .filter(request -> request.interfaceVersion().startsWith("IR_WS_"))
                .map(PaymentRequest::id));
    }

    private PaymentRequest newRequest(PaypageRequest request, InterfaceVersion version) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        Instant now = clock.instant();
        // SIPS.md §4 (decided): the response of a JSON-initiated payment is sealed SHA256(Data + key).
        return new PaymentRequest(UUID.randomUUID(), request, SealAlgorithm.SHA_256, "", version.wireValue(),
                HexFormat.of().formatHex(token), PaymentStatus.PENDING, null, now, now.plus(config.ttl()), null);
    }

    private static JsonInitAnswer refusal(PaymentRequestRejected rejected, MerchantKey key) {
        ResponseCode code = rejected.responseCode();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("redirectionStatusCode", code.code());
        answer.put("redirectionStatusMessage", code.meaning());
        answer.put("responseCode", code.code());
        if (rejected.errorFieldName() != null) {
            answer.put("errorFieldName", rejected.errorFieldName());
        }
        return key == null ? new JsonInitAnswer(code.code(), answer) : sealed(code.code(), answer, key);
    }

    private static JsonInitAnswer sealed(String code, Map<String, Object> answer, MerchantKey key) {
        Map<String, Object> body = new LinkedHashMap<>(answer);
        body.put("seal", Seals.compute(SealAlgorithm.HMAC_SHA_256, key.secretKey(),
                JsonSealString.of(body, JsonSealString.RESPONSE_EXCLUSIONS)));
        return new JsonInitAnswer(code, body);
    }
}
