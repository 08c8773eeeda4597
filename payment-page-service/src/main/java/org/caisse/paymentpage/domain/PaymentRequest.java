package org.caisse.paymentpage.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.caisse.common.seal.SealAlgorithm;

/**
 * A shopper's session from the merchant's POST to the return: the validated request, how it was sealed
 * and encoded (the response uses the same), the CSRF token of its pages, and once completed the
 * transaction snapshot (or the one built for a cancel or an expiry). {@code authorizingSince} is when it entered
 * AUTHORIZING (null before). {@code authentication} is the 3-D Secure authentication authorization-service waits for
 * (null unless it answered 60).
 */
public record PaymentRequest(
        UUID id,
        PaypageRequest request,
        SealAlgorithm sealAlgorithm,
        String encode,
        String interfaceVersion,
        String csrfToken,
        PaymentStatus status,
        Map<String, Object> snapshot,
        Instant createdAt,
        Instant expiresAt,
        Instant authorizingSince,
        PendingAuthentication authentication) {

    /** A request without a pending 3-D Secure authentication. */
    public PaymentRequest(UUID id, PaypageRequest request, SealAlgorithm sealAlgorithm, String encode,
                          String interfaceVersion, String csrfToken, PaymentStatus status, Map<String, Object> snapshot,
                          Instant createdAt, Instant expiresAt, Instant authorizingSince) {
        this(id, request, sealAlgorithm, encode, interfaceVersion, csrfToken, status, snapshot, createdAt, expiresAt,
                authorizingSince, null);
    }

    public PaymentRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sealAlgorithm, "sealAlgorithm");
        Objects.requireNonNull(status, "status");
    }

    /**
     * True when the shopper's session is over while the request still waits for the shopper: the card page
     * (PENDING) or the 3-D Secure step (AUTHENTICATING, also over when authorization-service's authentication expired).
     */
    public boolean isExpiredAt(Instant now) {
        return switch (status) {
            case PENDING -> !now.isBefore(expiresAt);
            case AUTHENTICATING -> !now.isBefore(expiresAt) || (authentication != null && authentication.isExpiredAt(now));
            default -> false;
        };
    }

    /** True when the request has been AUTHORIZING for longer than {@code timeout} at {@code now}. */
    public boolean isAuthorizingLongerThan(java.time.Duration timeout, Instant now) {
        if (status != PaymentStatus.AUTHORIZING) {
            return false;
        }
        Instant since = authorizingSince == null ? createdAt : authorizingSince;
        return since != null && now.isAfter(since.plus(timeout));
    }

    public String merchantId() {
        return request.merchantId();
    }

    /** The Sips response code of the outcome, when completed. */
    public String responseCode() {
        return snapshot == null ? null : Objects.toString(snapshot.get("responseCode"), null);
    }

    @Override
    public String toString() {
        return "PaymentRequest[id=" + id + ", merchantId=" + request.merchantId()
                + ", transactionReference=" + request.transactionReference() + ", status=" + status + "]";
    }
}
