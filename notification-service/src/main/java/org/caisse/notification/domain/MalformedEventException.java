package org.caisse.notification.domain;

/** An event that cannot be understood. Its message names the problem, never the event's content. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String problem) {
        super(problem, null, false, false);
    }
}
