package org.caisse.authorization.adapter.out.testcard;

import java.util.List;
import java.util.Map;

/** Sips TEST card numbers for the tests: prefix, scenario digits, zeros, response-code digits. */
public final class TestCards {

    /** SIPS.md §8: every test prefix and the brand a card of it is authorized under when none is requested. */
    public static final Map<String, String> PREFIX_BRAND = Map.ofEntries(
            Map.entry("340000", "AMEX"),
            Map.entry("400000", "VPAY"),
            Map.entry("410000", "VISA"),
            Map.entry("420000", "CB"),
            Map.entry("430000", "CB"),
            Map.entry("440000", "CB"),
            Map.entry("450000", "CB"),
            Map.entry("460000", "VISA"),
            Map.entry("500000", "MAESTRO"),
            Map.entry("510000", "MASTERCARD"),
            Map.entry("520000", "CB"),
            Map.entry("530000", "CB"));

    /** The co-badged prefixes and their second brand, honoured when requested. */
    public static final Map<String, String> SECOND_BRAND = Map.of(
            "430000", "VISA", "440000", "VPAY", "450000", "VISA_ELECTRON", "460000", "MASTERCARD",
            "520000", "MASTERCARD", "530000", "MAESTRO");

    /** The codes of the last-two-digit rule with their acquirer code (test acquirer README table). */
    public static final Map<String, String> SIMULATED_ACQUIRER_CODE = Map.ofEntries(
            Map.entry("00", "00"), Map.entry("02", "02"), Map.entry("03", "03"), Map.entry("05", "05"),
            Map.entry("11", "41"), Map.entry("12", "12"), Map.entry("14", "14"), Map.entry("34", "59"),
            Map.entry("51", "51"), Map.entry("54", "54"), Map.entry("63", "34"), Map.entry("75", "75"),
            Map.entry("90", "91"), Map.entry("99", "96"));

    /** Codes the rule does not know: approved. */
    public static final List<String> UNKNOWN_CODES = List.of("01", "17", "47", "94", "98");

    private TestCards() {
    }

    /** A 16-digit test card (15 for AMEX, like the real ones). */
    public static String card(String prefix, String scenario, String code) {
        int length = prefix.startsWith("34") ? 15 : 16;
        String head = prefix + scenario;
        return head + "0".repeat(length - head.length() - 2) + code;
    }
}
