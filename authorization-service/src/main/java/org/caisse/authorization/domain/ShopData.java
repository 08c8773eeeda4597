package org.caisse.authorization.domain;

/** Merchant-side fields carried by a transaction and echoed in responses; all optional. */
public record ShopData(
        String orderId,
        String returnContext,
        String customerId,
        String customerEmail,
        String customerIpAddress,
        String statementReference,
        String transactionOrigin,
        String paymentPattern,
        String customerLanguage) {

    public static ShopData empty() {
        return new ShopData(null, null, null, null, null, null, null, null, null);
    }
}
