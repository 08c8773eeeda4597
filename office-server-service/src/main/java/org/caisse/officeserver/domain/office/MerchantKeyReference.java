package org.caisse.officeserver.domain.office;

/** Which secret key a request names: the merchant and the key version. */
public record MerchantKeyReference(String merchantId, int keyVersion) {
}
