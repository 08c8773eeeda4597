package org.caisse.keymanagement.application.port.out;

/**
 * The key-encryption keys (KEK) that wrap every per-row data key. They live outside the database: mounted files
 * today ({@code FileKeyEncryptionKeyProvider}), a KMS later. A KEK never leaves the provider: callers hand it a
 * data key to wrap or a wrapped data key to unwrap, as a KMS would require.
 *
 * <p>One KEK is current (it wraps); during a KEK rotation the previous ones still unwrap, until every row has been
 * re-wrapped under the current one.
 */
public interface KeyEncryptionKeyProvider {

    /**
     * Encrypts (wraps) a data key under the current KEK, binding it to {@code associatedData}.
     */
    byte[] wrap(byte[] dataKey, byte[] associatedData);

    /**
     * Decrypts (unwraps) a data key wrapped by {@link #wrap}, trying every loaded KEK.
     *
     * @throws KeyUnwrapException when the wrapped key was altered, was bound to other associated data, or was
     *         wrapped under a KEK the provider does not hold
     */
    byte[] unwrap(byte[] wrappedDataKey, byte[] associatedData);

    /** The id rows record for the current KEK (not secret; derived from the key, stable across restarts). */
    default String currentKekId() {
        return "default";
    }

    /**
     * Unwraps with the KEK named {@code kekId}, or with any loaded KEK when {@code kekId} is {@code null}.
     *
     * @throws KeyUnwrapException as {@link #unwrap(byte[], byte[])}
     */
    default byte[] unwrap(String kekId, byte[] wrappedDataKey, byte[] associatedData) {
        return unwrap(wrappedDataKey, associatedData);
    }

    /** Thrown when a wrapped data key does not authenticate. */
    final class KeyUnwrapException extends RuntimeException {
        public KeyUnwrapException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
