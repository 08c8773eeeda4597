package org.caisse.authorization.application;

import org.caisse.common.sips.ResponseCode;

/** The card of a request cannot be used (unknown token, unknown source transaction...): answered with its code. */
public class CardUnusableException extends RuntimeException {

    private final transient ResponseCode responseCode;

    public CardUnusableException(ResponseCode responseCode, String reason) {
        super(reason, null, false, false);
        this.responseCode = responseCode;
    }

    public ResponseCode responseCode() {
        return responseCode;
    }
}
