package org.caisse.officeserver.application.port.out;

/**
 * Another Caisse service could not answer (down, timeout, unexpected status): the Office request is
 * answered with HTTP 503 and Sips code 90, and nothing is assumed about what happened downstream.
 */
public class DownstreamUnavailableException extends RuntimeException {

    public DownstreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DownstreamUnavailableException(String message) {
        super(message);
    }
}
