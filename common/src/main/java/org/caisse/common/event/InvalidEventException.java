package org.caisse.common.event;

/** A record value that is not a valid Caisse CloudEvents envelope. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
