package org.caisse.paymentpage.adapter.out.authorization;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code POST /internal/v1/authorizations}. Its {@code toString} never shows the card. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizationBody(
        String merchantId,
        String transactionReference,
        long amount,
        String currencyCode,
        String captureMode,
        int captureDay,
        String orderChannel,
        Card card,
        String paymentMeanBrand,
        String orderId,
        String returnContext,
        String customerId,
        String customerEmail,
        String customerIpAddress,
        String statementReference,
        String transactionOrigin,
        String paymentPattern,
        String customerLanguage,
        Notification notification,
        ThreeDSecure threeDSecure) {

    /** Sent when the shopper can be sent to the ACS (null otherwise: authorization-service ignores it anyway). */
    public record ThreeDSecure(boolean challengeCapable) {
    }

    /** The card, used once by authorization-service; never logged. */
    public record Card(String number, String expiryDate, String cscValue) {
        @Override
        public String toString() {
            return "Card[***]";
        }
    }

    /** What the automatic response needs (sealed like the request). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Notification(String automaticResponseUrl, int keyVersion, String sealAlgorithm,
                               String responseEncoding, String interfaceVersion) {
    }

    @Override
    public String toString() {
        return "AuthorizationBody[merchantId=" + merchantId + ", transactionReference=" + transactionReference + "]";
    }
}
