package org.caisse.common.keys;

/** The key service could not give an answer (network error, timeout, unexpected status or body). */
public class KeyServiceUnavailableException extends RuntimeException {

    public KeyServiceUnavailableException(String message) {
        super(message);
    }

    public KeyServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
