package org.caisse.common.card;

/** Card brands as named by Sips ({@code paymentMeanBrand}). */
public enum CardBrand {
    CB, VISA, MASTERCARD, AMEX, MAESTRO, VPAY, VISA_ELECTRON, BCMC, JCB, DINERS, DISCOVER, CUP;

    /** The Sips wire name ({@code paymentMeanBrand}). */
    public String wireName() {
        return name();
    }
}
