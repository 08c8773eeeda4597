package org.caisse.officeserver.application.office;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.common.keys.MerchantKey;
import org.caisse.common.sips.ResponseCode;
import org.caisse.officeserver.application.port.out.IdempotencyStore;
import org.caisse.officeserver.config.OfficeGuardConfig;
import org.caisse.officeserver.domain.guard.IdempotencyKey;
import org.caisse.officeserver.domain.guard.TokenBuckets;
import org.caisse.officeserver.domain.office.ResponseFields;
import org.jboss.logging.Logger;

/**
 * What happens between a verified seal and the operation: the merchant's rate limit, then its
 * {@code Idempotency-Key} (claimed atomically before anything executes). Only sealed requests get here, so an
 * unauthenticated request never spends a merchant's budget, claims or reads a key.
 * <ul>
 * <li>over the merchant's rate → HTTP 429, {@code Retry-After}, {@code responseCode 90} (sealed);</li>
 * <li>key answered before for the same body (same service, same bytes) → the stored status and bytes, nothing
 * executed;</li>
 * <li>key used with another body → HTTP 422, {@code responseCode 30}, {@code errorFieldName Idempotency-Key};</li>
 * <li>key still being executed → HTTP 409, {@code responseCode 99};</li>
 * <li>an answer whose outcome is unknown (HTTP 503 / 90, 99) is not stored and the key is released: a retry
 * executes again, which is safe because every state-changing call carries an operation id derived from the seal
 * (see {@code OperationIds}) that the authorization service dedupes.</li>
 * </ul>
 */
@ApplicationScoped
public class GuardedExecution {

    private static final Logger LOG = Logger.getLogger(GuardedExecution.class);
    static final int TOO_MANY_REQUESTS = 429;
    static final int CONFLICT = 409;
    static final int UNPROCESSABLE = 422;

    private final OfficeRateLimits limits;
    private final IdempotencyStore store;
    private final OfficeGuardConfig config;

    @Inject
    public GuardedExecution(OfficeRateLimits limits, IdempotencyStore store, OfficeGuardConfig config) {
        this.limits = limits;
        this.store = store;
        this.config = config;
    }

    Uni<OfficeReply> run(OfficeOperation operation, String merchantId, OfficeCall call, MerchantKey key,
                         Supplier<Uni<OfficeReply>> execution) {
        TokenBuckets.Decision budget = limits.forMerchant(merchantId);
        if (!budget.allowed()) {
            return Uni.createFrom().item(tooManyRequests(operation, key, budget.retryAfterSeconds()));
        }
        if (call.idempotencyKey().isEmpty()) {
            return execution.get();
        }
        String idempotencyKey = call.idempotencyKey().get().value();
        byte[] hash = requestHash(operation, call.rawBody());
        OfficeGuardConfig.Idempotency settings = config.idempotency();
        return store.claim(merchantId, idempotencyKey, hash, settings.ttl(), settings.inProgressLease())
                .onItemOrFailure().transformToUni((claim, failure) -> failure != null
                        ? storeUnavailable(operation, merchantId, failure, key)
                        : switch (claim) {
                    case IdempotencyStore.Claimed claimed ->
                            executeAndRemember(merchantId, idempotencyKey, hash, call, execution);
                    case IdempotencyStore.Completed done -> Uni.createFrom().item(
                            new OfficeReply(done.httpStatus(), Map.of("responseCode", "replay"))
                                    .withEncoded(done.body()));
                    case IdempotencyStore.InProgress running -> Uni.createFrom().item(SealedRequestPipeline.sealed(operation, 
                            CONFLICT, ResponseFields.withCode(ResponseCode.TEMPORARY_PROBLEM.code()).asMap(), key));
                    case IdempotencyStore.OtherRequest other -> Uni.createFrom().item(SealedRequestPipeline.sealed(operation, 
                            UNPROCESSABLE, ResponseFields.withCode(ResponseCode.FORMAT_ERROR.code())
                                    .put("errorFieldName", IdempotencyKey.HEADER).asMap(), key));
                });
    }

    private static Uni<OfficeReply> storeUnavailable(OfficeOperation operation, String merchantId, Throwable failure, MerchantKey key) {
        LOG.warnf("idempotency store unavailable for merchant %s: %s", merchantId, failure.toString());
        return Uni.createFrom().item(SealedRequestPipeline.sealed(operation, SealedRequestPipeline.SERVICE_UNAVAILABLE,
                ResponseFields.withCode(ResponseCode.SERVICE_UNAVAILABLE.code()).asMap(), key));
    }

    private Uni<OfficeReply> executeAndRemember(String merchantId, String idempotencyKey, byte[] hash,
                                                OfficeCall call, Supplier<Uni<OfficeReply>> execution) {
        return Uni.createFrom().deferred(execution::get)
                .onFailure().call(failure -> store.release(merchantId, idempotencyKey, hash)
                        .onFailure().recoverWithNull())
                .flatMap(reply -> {
                    if (!outcomeKnown(reply)) {
                        return store.release(merchantId, idempotencyKey, hash)
                                .onFailure().recoverWithNull()
                                .replaceWith(reply);
                    }
                    byte[] bytes = call.encoder().apply(reply.body());
                    return store.complete(merchantId, idempotencyKey, hash, reply.httpStatus(), bytes)
                            .onFailure().invoke(failure -> LOG.warnf(
                                    "answer of merchant %s not stored under its idempotency key: %s", merchantId,
                                    failure.toString()))
                            .onFailure().recoverWithNull()
                            .replaceWith(reply.withEncoded(bytes));
                });
    }

    /** 503 / 90 and 99 say nothing about what happened downstream: such answers are never replayed. */
    private static boolean outcomeKnown(OfficeReply reply) {
        String code = reply.responseCode();
        return reply.httpStatus() == SealedRequestPipeline.OK
                && !ResponseCode.SERVICE_UNAVAILABLE.code().equals(code)
                && !ResponseCode.TEMPORARY_PROBLEM.code().equals(code);
    }

    static OfficeReply tooManyRequests(OfficeOperation operation, MerchantKey key, long retryAfterSeconds) {
        Map<String, Object> body = ResponseFields.withCode(ResponseCode.SERVICE_UNAVAILABLE.code()).asMap();
        OfficeReply reply = key == null
                ? new OfficeReply(TOO_MANY_REQUESTS, SealedRequestPipeline.inCodeFieldOf(operation, body))
                : SealedRequestPipeline.sealed(operation, TOO_MANY_REQUESTS, body, key);
        return reply.withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    /** SHA-256 of the service path and the exact body bytes. */
    static byte[] requestHash(OfficeOperation operation, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((operation.family() + "/" + operation.name() + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return sha256.digest();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
