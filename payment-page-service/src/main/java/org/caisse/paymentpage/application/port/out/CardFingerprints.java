package org.caisse.paymentpage.application.port.out;

/** A keyed, one-way hash of a card number: the same card gives the same fingerprint, which reveals nothing. */
public interface CardFingerprints {

    /** @param cardNumber the digits only */
    String of(String cardNumber);
}
