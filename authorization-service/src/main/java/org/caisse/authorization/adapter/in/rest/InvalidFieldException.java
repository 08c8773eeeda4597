package org.caisse.authorization.adapter.in.rest;

/** A request field is missing or malformed; the message names the field and never repeats its value. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
