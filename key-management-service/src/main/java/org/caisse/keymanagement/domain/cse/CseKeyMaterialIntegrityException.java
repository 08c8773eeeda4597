package org.caisse.keymanagement.domain.cse;

/**
 * A stored CSE private key that does not decrypt under its own merchant and kid, or does not match the public key
 * stored beside it: the row was altered, moved or copied. Nothing is served from it.
 */
public final class CseKeyMaterialIntegrityException extends RuntimeException {

    private final CseKeyId keyId;

    public CseKeyMaterialIntegrityException(CseKeyId keyId) {
        super("Stored CSE key material for merchant " + keyId.merchantId() + " kid " + keyId.kid()
                + " failed its integrity check (tampered, moved, or not the private half of the stored public key)");
        this.keyId = keyId;
    }

    public CseKeyId keyId() {
        return keyId;
    }
}
