package org.caisse.paymentpage.domain;

/** What the ticket page tells the shopper, derived from the Sips response code. */
public enum TicketOutcome {
    ACCEPTED, REFUSED, REFERRAL, UNAVAILABLE, CANCELLED, EXPIRED,
    /** Refused because the 3-D Secure authentication failed at the ACS ({@code 05} with {@code holderAuthentStatus FAILURE}). */
    AUTHENTICATION_FAILED;

    public static TicketOutcome fromResponseCode(String code) {
        return of(code, null);
    }

    /** The outcome of a response code, told apart by the snapshot's {@code holderAuthentStatus} for a failed authentication. */
    public static TicketOutcome of(String code, Object holderAuthentStatus) {
        if (code == null) {
            return UNAVAILABLE;
        }
        return switch (code) {
            case "00" -> ACCEPTED;
            case "02" -> REFERRAL;
            case "05" -> "FAILURE".equals(holderAuthentStatus) ? AUTHENTICATION_FAILED : REFUSED;
            case "17" -> CANCELLED;
            case "97" -> EXPIRED;
            case "90", "99" -> UNAVAILABLE;
            default -> REFUSED;
        };
    }
}
