package org.caisse.paymentpage.domain;

/** What the ticket page tells the shopper, derived from the Sips response code. */
public enum TicketOutcome {
    ACCEPTED, REFUSED, REFERRAL, UNAVAILABLE, CANCELLED, EXPIRED;

    public static TicketOutcome fromResponseCode(String code) {
        if (code == null) {
            return UNAVAILABLE;
        }
        return switch (code) {
            case "00" -> ACCEPTED;
            case "02" -> REFERRAL;
            case "17" -> CANCELLED;
            case "97" -> EXPIRED;
            case "90", "99" -> UNAVAILABLE;
            default -> REFUSED;
        };
    }
}
