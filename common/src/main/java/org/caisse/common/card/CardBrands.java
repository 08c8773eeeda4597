package org.caisse.common.card;

import java.util.List;
import java.util.Map;

/**
 * The brands of a card number: the Sips TEST prefixes (SIPS.md §8) first, then the public BIN ranges. Co-badged
 * cards list the domestic scheme first ({@code CB, VISA}).
 */
public final class CardBrands {

    /** The Sips TEST-card prefixes (first six digits) and their brands. */
    public static final Map<String, List<CardBrand>> TEST_PREFIXES = Map.ofEntries(
            Map.entry("340000", List.of(CardBrand.AMEX)),
            Map.entry("400000", List.of(CardBrand.VPAY)),
            Map.entry("410000", List.of(CardBrand.VISA)),
            Map.entry("420000", List.of(CardBrand.CB)),
            Map.entry("430000", List.of(CardBrand.CB, CardBrand.VISA)),
            Map.entry("440000", List.of(CardBrand.CB, CardBrand.VPAY)),
            Map.entry("450000", List.of(CardBrand.CB, CardBrand.VISA_ELECTRON)),
            Map.entry("460000", List.of(CardBrand.VISA, CardBrand.MASTERCARD)),
            Map.entry("500000", List.of(CardBrand.MAESTRO)),
            Map.entry("510000", List.of(CardBrand.MASTERCARD)),
            Map.entry("520000", List.of(CardBrand.CB, CardBrand.MASTERCARD)),
            Map.entry("530000", List.of(CardBrand.CB, CardBrand.MAESTRO)));

    private CardBrands() {
    }

    /** Whether the number starts with a Sips TEST-card prefix. */
    public static boolean isTestPrefix(String pan) {
        return pan != null && pan.length() >= 6 && TEST_PREFIXES.containsKey(pan.substring(0, 6));
    }

    /**
     * The brands of a card number (or of its first digits); empty when unknown or not digits.
     */
    public static List<CardBrand> fromPan(String pan) {
        if (pan == null || pan.isEmpty() || !Luhn.allDigits(pan)) {
            return List.of();
        }
        if (isTestPrefix(pan)) {
            return TEST_PREFIXES.get(pan.substring(0, 6));
        }
        int p2 = prefix(pan, 2);
        int p3 = prefix(pan, 3);
        int p4 = prefix(pan, 4);
        int p6 = prefix(pan, 6);
        if (p2 == 34 || p2 == 37) {
            return List.of(CardBrand.AMEX);
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return List.of(CardBrand.JCB);
        }
        if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39 || p4 == 3095) {
            return List.of(CardBrand.DINERS);
        }
        if (pan.charAt(0) == '4') {
            return List.of(CardBrand.VISA);
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            return List.of(CardBrand.MASTERCARD);
        }
        if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925)) {
            return List.of(CardBrand.DISCOVER);
        }
        if (p2 == 62) {
            return List.of(CardBrand.CUP);
        }
        if (p2 == 50 || (p2 >= 56 && p2 <= 69)) {
            return List.of(CardBrand.MAESTRO);
        }
        return List.of();
    }

    private static int prefix(String pan, int digits) {
        return pan.length() < digits ? -1 : Integer.parseInt(pan.substring(0, digits));
    }
}
