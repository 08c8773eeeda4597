package org.caisse.authorization.application.port.out;

import io.smallrye.mutiny.Uni;

/**
 * Opens the card data a shop encrypted in the browser with the merchant's client-side-encryption (CSE) public key
 * ({@code encryptedCardData}: a compact JWE, format in the README, "Client-side encryption").
 *
 * <p>The Uni fails with {@link CardDecryptionException}, whose {@link CardDecryptionException.Reason} says why
 * (the caller maps it to a Sips response code); its message never contains card data.
 */
public interface EncryptedCardDecryptor {

    /**
     * @param merchantId        the merchant the request is authenticated for; the JWE's key must be one of its keys
     * @param encryptedCardData the compact JWE as the merchant sent it
     */
    Uni<DecryptedCard> decrypt(String merchantId, String encryptedCardData);
}
