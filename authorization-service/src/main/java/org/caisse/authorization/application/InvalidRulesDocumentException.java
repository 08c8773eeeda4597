package org.caisse.authorization.application;

/** A merchant rules document is malformed; names the field and never repeats its value. */
public class InvalidRulesDocumentException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidRulesDocumentException(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
