package org.caisse.authorization.domain;

/**
 * What the automatic response to the merchant needs, set by the payment page on the authorization
 * request and stored with the transaction (platform contracts, transaction snapshot {@code notification}).
 */
public record NotificationContext(
        String automaticResponseUrl,
        Integer keyVersion,
        String sealAlgorithm,
        String responseEncoding,
        String interfaceVersion) {
}
