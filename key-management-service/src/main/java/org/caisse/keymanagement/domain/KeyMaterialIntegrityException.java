package org.caisse.keymanagement.domain;

/**
 * Stored key material that does not decrypt under its own merchant and version: it was altered, copied from
 * another row, or encrypted under another key-encryption key. Nothing is served from such a row.
 */
public final class KeyMaterialIntegrityException extends RuntimeException {

    private final MerchantKeyId keyId;

    public KeyMaterialIntegrityException(MerchantKeyId keyId) {
        super("Stored key material for merchant " + keyId.merchantId() + " version " + keyId.keyVersion()
                + " failed its integrity check (tampered, moved or encrypted under another key-encryption key)");
        this.keyId = keyId;
    }

    public MerchantKeyId keyId() {
        return keyId;
    }
}
