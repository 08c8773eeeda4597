package org.caisse.authorization.application.port.out;

/**
 * The key-encryption key (KEK) that wraps the card vault's per-row data keys. It lives outside the database: a
 * mounted file today ({@code FileKeyEncryptionKeyProvider}), a KMS later. The KEK never leaves the provider: callers
 * hand it a data key to wrap or a wrapped data key to unwrap, as a KMS requires.
 */
public interface KeyEncryptionKeyProvider {

    /** Identifies the KEK that {@link #wrap} uses; stored next to each wrapped data key. */
    String keyId();

    /** Encrypts (wraps) a data key with the current KEK, binding it to {@code associatedData}. */
    byte[] wrap(byte[] dataKey, byte[] associatedData);

    /**
     * Decrypts (unwraps) a data key wrapped by the KEK {@code keyId}.
     *
     * @throws KeyUnwrapException when that KEK is unknown here, or the wrapped key was altered or bound to other
     *         associated data
     */
    byte[] unwrap(String keyId, byte[] wrappedDataKey, byte[] associatedData);

    /** A wrapped data key that does not open. Its message never holds key material. */
    final class KeyUnwrapException extends RuntimeException {
        public KeyUnwrapException(String message) {
            super(message, null, false, false);
        }
    }
}
