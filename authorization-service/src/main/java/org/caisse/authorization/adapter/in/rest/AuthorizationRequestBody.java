package org.caisse.authorization.adapter.in.rest;

import java.math.BigDecimal;

/**
 * Body of {@code POST /internal/v1/authorizations} (docs/platform-contracts.md). Numbers are read as BigDecimal so
 * that a fraction is refused instead of silently truncated. {@link #toString()} never shows the card.
 */
public class AuthorizationRequestBody {
    public String merchantId;
    public String transactionReference;
    public BigDecimal amount;
    public String currencyCode;
    public String captureMode;
    public BigDecimal captureDay;
    public String orderChannel;
    public Card card;
    public String paymentMeanBrand;
    public String orderId;
    public String returnContext;
    public String customerId;
    public String customerEmail;
    public String customerIpAddress;
    public String statementReference;
    public String transactionOrigin;
    public String paymentPattern;
    public String customerLanguage;
    public Notification notification;
    /** Duplicates only: the transaction whose card is used, and its merchant (default: the same merchant). */
    public String fromMerchantId;
    public String fromTransactionReference;
    /** Present when the caller can send the shopper to a 3-D Secure challenge (the payment page does). */
    public ThreeDSecure threeDSecure;

    public static class ThreeDSecure {
        public Boolean challengeCapable;
    }

    public static class Card {
        public String number;
        public String expiryDate;
        public String cscValue;
        /** Instead of the number: the card encrypted in the browser with the merchant's CSE public key (JWE). */
        public String encryptedCardData;
        /** Instead of the number: the merchant's token of a vaulted card. */
        public String tokenPan;
        /** Instead of the number: a card of the merchant's wallet. */
        public String merchantWalletId;
        public String paymentMeanId;

        @Override
        public String toString() {
            return "Card[hidden]";
        }
    }

    public static class Notification {
        public String automaticResponseUrl;
        public Integer keyVersion;
        public String sealAlgorithm;
        public String responseEncoding;
        public String interfaceVersion;
    }

    @Override
    public String toString() {
        return "AuthorizationRequestBody[" + merchantId + ":" + transactionReference + "]";
    }
}
