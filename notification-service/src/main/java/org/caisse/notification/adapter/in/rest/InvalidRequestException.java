package org.caisse.notification.adapter.in.rest;

/** A request parameter is invalid; becomes a 400 problem naming the field. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
