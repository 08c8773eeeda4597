package org.caisse.officeserver.domain.wallet;

/**
 * A card of a customer's wallet as the merchant may see it: masked (Sips form, first 4 and last 2 digits), never the
 * card number.
 *
 * @param paymentMeanId    its rank in the wallet
 * @param panExpiryDate    {@code yyyyMM}
 * @param paymentMeanAlias the customer's name for it, or null
 * @param paymentMeanBrand or null when the card's range is unknown
 */
public record WalletPaymentMean(String paymentMeanId, String maskedPan, String panExpiryDate, String paymentMeanAlias,
                                String paymentMeanBrand) {
}
