package org.caisse.common.sips;

import java.util.Optional;

/** The acquirer's answer ({@code acquirerResponseCode}, ISO 8583 style, SIPS.md §6). */
public enum AcquirerResponseCode {
    APPROVED("00", "approved"),
    CALL_ISSUER("02", "call issuer"),
    DO_NOT_HONOUR("05", "do not honour"),
    INVALID_TRANSACTION("12", "invalid transaction"),
    INVALID_AMOUNT("13", "invalid amount"),
    INVALID_CARD("14", "invalid card"),
    EXPIRED_CARD("33", "expired card"),
    FRAUD_SUSPECTED("34", "fraud suspected"),
    LOST_CARD("41", "lost card"),
    STOLEN_CARD("43", "stolen card"),
    INSUFFICIENT_FUNDS("51", "insufficient funds"),
    EXPIRED_CARD_54("54", "expired card"),
    FRAUD_SUSPECTED_59("59", "fraud suspected"),
    AMOUNT_LIMIT_EXCEEDED("61", "amount limit exceeded"),
    FREQUENCY_LIMIT_EXCEEDED("65", "frequency limit exceeded"),
    RESPONSE_TOO_LATE("68", "issuer unreachable (response received too late)"),
    ISSUER_UNAVAILABLE("91", "issuer unreachable"),
    SYSTEM_MALFUNCTION("96", "system malfunction"),
    THREE_D_SECURE_DATA_MISSING("A1", "3-D Secure data missing");

    private final String code;
    private final String meaning;

    AcquirerResponseCode(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<AcquirerResponseCode> fromCode(String code) {
        if (code != null) {
            for (AcquirerResponseCode value : values()) {
                if (value.code.equals(code)) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }
}
