package org.caisse.notification.domain;

/** What one attempt to send a delivery gave. */
public sealed interface AttemptOutcome {

    /** A short text for support: HTTP status or the kind of error, never a payload or a secret. */
    String detail();

    /** The recipient accepted the message. */
    record Succeeded(String detail) implements AttemptOutcome {
    }

    /** The recipient refused or could not be reached; a later attempt may succeed. */
    record Failed(String detail) implements AttemptOutcome {
    }

    /** Not sent, and never will be (the endpoint may not be used): the delivery fails for good at once. */
    record Refused(String detail) implements AttemptOutcome {
    }

    static AttemptOutcome succeeded(String detail) {
        return new Succeeded(detail);
    }

    static AttemptOutcome failed(String detail) {
        return new Failed(detail);
    }

    static AttemptOutcome refused(String detail) {
        return new Refused(detail);
    }
}
