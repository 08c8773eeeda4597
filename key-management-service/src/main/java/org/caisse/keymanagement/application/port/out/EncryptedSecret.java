package org.caisse.keymanagement.application.port.out;

import java.util.Objects;

/** Secret material as stored: the wrapped data key and the secret encrypted under that data key. */
public record EncryptedSecret(byte[] wrappedDataKey, byte[] encryptedSecret) {

    public EncryptedSecret {
        Objects.requireNonNull(wrappedDataKey, "wrappedDataKey");
        Objects.requireNonNull(encryptedSecret, "encryptedSecret");
    }

    @Override
    public String toString() {
        return "EncryptedSecret[wrappedDataKey=" + wrappedDataKey.length + " bytes, encryptedSecret="
                + encryptedSecret.length + " bytes]";
    }
}
