package org.caisse.authorization.domain;

import java.util.Map;
import org.caisse.common.sips.ResponseCode;

/** Sips response codes the domain answers with, and the translation of acquirer codes into them. */
public final class ResponseCodes {

    public static final ResponseCode ACCEPTED = code("00");
    public static final ResponseCode REFERRAL = code("02");
    public static final ResponseCode REFUSED = code("05");
    public static final ResponseCode INVALID_TRANSACTION = code("12");
    public static final ResponseCode IMPOSSIBLE_OPERATION = code("24");
    public static final ResponseCode UNKNOWN_TRANSACTION = code("25");
    public static final ResponseCode FUNCTION_NOT_ALLOWED = code("40");
    public static final ResponseCode UNAVAILABLE = code("90");
    public static final ResponseCode DUPLICATE_REFERENCE = code("94");

    /** Acquirer (ISO 8583 style) code → Sips responseCode; anything unlisted is a plain refusal (05). */
    private static final Map<String, String> FROM_ACQUIRER = Map.ofEntries(
            Map.entry("00", "00"),
            Map.entry("02", "02"),
            Map.entry("03", "03"),
            Map.entry("05", "05"),
            Map.entry("41", "11"), Map.entry("43", "11"),
            Map.entry("12", "12"), Map.entry("13", "12"),
            Map.entry("14", "14"),
            Map.entry("59", "34"),
            Map.entry("34", "63"),
            Map.entry("51", "51"), Map.entry("61", "51"), Map.entry("65", "51"),
            Map.entry("33", "54"), Map.entry("54", "54"),
            Map.entry("75", "75"),
            Map.entry("68", "90"), Map.entry("91", "90"),
            Map.entry("96", "99"));

    private ResponseCodes() {
    }

    /** The response code with that two-digit value; fails on a value the shared kernel does not know. */
    public static ResponseCode code(String value) {
        return ResponseCode.fromCode(value)
                .orElseThrow(() -> new IllegalArgumentException("unknown Sips response code " + value));
    }

    /** The Sips responseCode for an acquirer answer. */
    public static ResponseCode fromAcquirer(AuthorizationResult result) {
        if (result.approved()) {
            return ACCEPTED;
        }
        String mapped = FROM_ACQUIRER.getOrDefault(result.acquirerResponseCode(), "05");
        // a declined answer never becomes "accepted", whatever code the acquirer sent
        return code("00".equals(mapped) ? "05" : mapped);
    }
}
