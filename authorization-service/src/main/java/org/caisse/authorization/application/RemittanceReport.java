package org.caisse.authorization.application;

/** What one remittance run changed. */
public record RemittanceReport(int captured, int authorized, int credited, int expired, int refused) {

    public static final RemittanceReport NONE = new RemittanceReport(0, 0, 0, 0, 0);

    public RemittanceReport plus(RemittanceReport other) {
        return new RemittanceReport(captured + other.captured, authorized + other.authorized,
                credited + other.credited, expired + other.expired, refused + other.refused);
    }

    public int total() {
        return captured + authorized + credited + expired + refused;
    }
}
