package org.caisse.common.sips;

import java.util.Optional;

/** The Sips {@code responseCode} values (SIPS.md §6). */
public enum ResponseCode {
    ACCEPTED("00", "accepted", true),
    PARTIAL_SUCCESS("01", "partial success (token services only)", false),
    REFERRAL("02", "referral: the issuer asks for a phone authorization", true),
    INVALID_MERCHANT("03", "invalid merchant contract or merchantId", true),
    REFUSED("05", "authorization refused", true),
    CARD_BLOCKED("11", "card blocked", true),
    INVALID_TRANSACTION("12", "invalid transaction", true),
    INVALID_CARD_DATA("14", "invalid card data, or CSC/AVS check failed", true),
    CANCELLED_BY_CUSTOMER("17", "cancelled by the customer", true),
    OPERATION_IMPOSSIBLE("24", "operation impossible in the transaction's current status, or already done", false),
    TRANSACTION_UNKNOWN("25", "transaction unknown", false),
    FORMAT_ERROR("30", "format error", true),
    FRAUD_SUSPICION("34", "fraud suspicion: wrong seal, unknown or deactivated key version", true),
    FUNCTION_NOT_ALLOWED("40", "function not allowed for this merchant", false),
    AMOUNT_TOO_HIGH("51", "amount too high", false),
    CARD_EXPIRED("54", "card expired", true),
    PENDING("60", "pending", true),
    SECURITY_RULES_NOT_MET("63", "security rules not met", true),
    TOO_MANY_ATTEMPTS("75", "too many card entry attempts", true),
    SERVICE_UNAVAILABLE("90", "service temporarily unavailable", true),
    DUPLICATE_TRANSACTION("94", "duplicate transactionReference", true),
    SESSION_EXPIRED("97", "session expired", true),
    TEMPORARY_PROBLEM("99", "temporary server problem", true);

    private final String code;
    private final String meaning;
    private final boolean allowedInPaypageResponse;

    ResponseCode(String code, String meaning, boolean allowedInPaypageResponse) {
        this.code = code;
        this.meaning = meaning;
        this.allowedInPaypageResponse = allowedInPaypageResponse;
    }

    /** The two-digit wire code. */
    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** Whether a Paypage response may carry this code (the official Java SDK rejects the others). */
    public boolean allowedInPaypageResponse() {
        return allowedInPaypageResponse;
    }

    /**
     * The code a Paypage response carries for this outcome: itself when allowed there, else the nearest allowed
     * meaning (a payment that did not succeed is "refused", a token partial success is "accepted"), so that
     * merchant SDKs never reject the response. The precise reason stays in {@code acquirerResponseCode}.
     */
    public ResponseCode paypageEquivalent() {
        if (allowedInPaypageResponse) {
            return this;
        }
        return this == PARTIAL_SUCCESS ? ACCEPTED : REFUSED;
    }

    public static Optional<ResponseCode> fromCode(String code) {
        if (code != null) {
            for (ResponseCode value : values()) {
                if (value.code.equals(code)) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }
}
