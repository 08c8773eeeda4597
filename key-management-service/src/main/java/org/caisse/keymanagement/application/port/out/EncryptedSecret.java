package org.caisse.keymanagement.application.port.out;

import java.util.Objects;

/**
 * Secret material as stored: the wrapped data key, the secret encrypted under that data key, and the id of the
 * key-encryption key that wrapped the data key ({@code null} for rows written before KEK ids: every loaded KEK is
 * tried).
 */
public record EncryptedSecret(String kekId, byte[] wrappedDataKey, byte[] encryptedSecret) {

    public EncryptedSecret {
        Objects.requireNonNull(wrappedDataKey, "wrappedDataKey");
        Objects.requireNonNull(encryptedSecret, "encryptedSecret");
    }

    /** Material whose KEK is not recorded. */
    public EncryptedSecret(byte[] wrappedDataKey, byte[] encryptedSecret) {
        this(null, wrappedDataKey, encryptedSecret);
    }

    @Override
    public String toString() {
        return "EncryptedSecret[kekId=" + kekId + ", wrappedDataKey=" + wrappedDataKey.length
                + " bytes, encryptedSecret=" + encryptedSecret.length + " bytes]";
    }
}
