package org.caisse.keymanagement.application.port.out;

/**
 * The key-encryption key (KEK) that wraps every per-row data key. It lives outside the database: a mounted
 * file today ({@code FileKeyEncryptionKeyProvider}), a KMS later. The KEK itself never leaves the provider:
 * callers hand it a data key to wrap or a wrapped data key to unwrap, as a KMS would require.
 */
public interface KeyEncryptionKeyProvider {

    /**
     * Encrypts (wraps) a data key, binding it to {@code associatedData}.
     */
    byte[] wrap(byte[] dataKey, byte[] associatedData);

    /**
     * Decrypts (unwraps) a data key wrapped by {@link #wrap}.
     *
     * @throws java.security.GeneralSecurityException wrapped in {@link KeyUnwrapException} when the wrapped key
     *         was altered, was bound to other associated data, or was wrapped under another KEK
     */
    byte[] unwrap(byte[] wrappedDataKey, byte[] associatedData);

    /** Thrown when a wrapped data key does not authenticate. */
    final class KeyUnwrapException extends RuntimeException {
        public KeyUnwrapException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
