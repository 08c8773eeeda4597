package org.caisse.paymentpage.domain;

import java.util.List;

/**
 * The TEST-mode cards offered on the card page (SIPS.md §8): the last two digits are the response code.
 *
 */
public final class TestCards {

    /** What a test card demonstrates. */
    public enum Scenario { ACCEPTED, REFUSED, REFERRAL, EXPIRED_CARD, UNAVAILABLE }

    public record TestCard(String number, String brand, String responseCode, Scenario scenario) {
    }

    public static final List<TestCard> ALL = List.of(
            new TestCard("5100000000000000", "MASTERCARD", "00", Scenario.ACCEPTED),
            new TestCard("4100000000000000", "VISA", "00", Scenario.ACCEPTED),
            new TestCard("4200000000000000", "CB", "00", Scenario.ACCEPTED),
            new TestCard("4100000000000005", "VISA", "05", Scenario.REFUSED),
            new TestCard("4100000000000002", "VISA", "02", Scenario.REFERRAL),
            new TestCard("4100000000000054", "VISA", "54", Scenario.EXPIRED_CARD),
            new TestCard("4100000000000090", "VISA", "90", Scenario.UNAVAILABLE));

    private TestCards() {
    }
}
