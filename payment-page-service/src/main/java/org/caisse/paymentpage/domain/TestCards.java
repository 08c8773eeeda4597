package org.caisse.paymentpage.domain;

import java.util.List;

/**
 * The TEST-mode cards offered on the card page (SIPS.md §8). The first six digits pick the brand, the last two
 * are the response code the test acquirer answers, and digits 7-8 name the 3-D Secure scenario of the
 * simulated directory server ({@code 00} challenge, {@code 01} not enrolled, {@code 02} frictionless,
 * {@code 03} acquirer timeout, {@code 04} directory unavailable), as authorization-service reads them.
 */
public final class TestCards {

    /** What the authorization of a test card ends with. */
    public enum Outcome { ACCEPTED, REFUSED, REFERRAL, EXPIRED_CARD, UNAVAILABLE, ACQUIRER_TIMEOUT }

    /** What the simulated 3-D Secure directory answers for a test card. */
    public enum ThreeDSecure { CHALLENGE, NOT_ENROLLED, FRICTIONLESS, DIRECTORY_UNAVAILABLE }

    /** A test card; the CSC is never checked for test cards, any three digits do. */
    public record TestCard(String number, String brand, String responseCode, Outcome outcome,
                           ThreeDSecure threeDSecure) {

        public String lastFour() {
            return number.substring(number.length() - 4);
        }
    }

    /** The CSC the page fills in for a test card (ignored by the test acquirer). */
    public static final String CSC = "123";

    public static final List<TestCard> ALL = List.of(
            new TestCard("5100000000000000", "MASTERCARD", "00", Outcome.ACCEPTED, ThreeDSecure.CHALLENGE),
            new TestCard("4100000000000000", "VISA", "00", Outcome.ACCEPTED, ThreeDSecure.CHALLENGE),
            new TestCard("4200000000000000", "CB", "00", Outcome.ACCEPTED, ThreeDSecure.CHALLENGE),
            new TestCard("4100000100000000", "VISA", "00", Outcome.ACCEPTED, ThreeDSecure.NOT_ENROLLED),
            new TestCard("4100000200000000", "VISA", "00", Outcome.ACCEPTED, ThreeDSecure.FRICTIONLESS),
            new TestCard("4100000000000005", "VISA", "05", Outcome.REFUSED, ThreeDSecure.CHALLENGE),
            new TestCard("4100000000000002", "VISA", "02", Outcome.REFERRAL, ThreeDSecure.CHALLENGE),
            new TestCard("4100000000000054", "VISA", "54", Outcome.EXPIRED_CARD, ThreeDSecure.CHALLENGE),
            new TestCard("4100000000000090", "VISA", "90", Outcome.UNAVAILABLE, ThreeDSecure.CHALLENGE),
            new TestCard("4100000300000000", "VISA", "00", Outcome.ACQUIRER_TIMEOUT, ThreeDSecure.CHALLENGE),
            new TestCard("4100000400000000", "VISA", "00", Outcome.ACCEPTED, ThreeDSecure.DIRECTORY_UNAVAILABLE));

    private TestCards() {
    }

    /** The cards the card page of a merchant may show: none outside TEST mode. */
    public static List<TestCard> shownFor(MerchantSettings merchant) {
        return merchant.testMode() ? ALL : List.of();
    }
}
