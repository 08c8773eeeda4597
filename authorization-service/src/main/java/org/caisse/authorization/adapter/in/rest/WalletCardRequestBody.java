package org.caisse.authorization.adapter.in.rest;

/**
 * Body of {@code POST /internal/v1/merchants/{merchantId}/wallets/{merchantWalletId}/payment-means}. No CSC: a wallet
 * never keeps one. {@link #toString()} never shows the card.
 */
public class WalletCardRequestBody {
    public Card card;
    public String paymentMeanAlias;
    public String paymentMeanBrand;

    public static class Card {
        public String number;
        public String expiryDate;

        @Override
        public String toString() {
            return "Card[hidden]";
        }
    }

    @Override
    public String toString() {
        return "WalletCardRequestBody[card hidden]";
    }
}
