package org.caisse.paymentpage.domain;

import org.caisse.common.sips.ResponseCode;

/**
 * A Paypage request refused before anything is stored: the Sips response code and, for format errors,
 * the name of the offending field. Never carries the raw input.
 */
public final class PaymentRequestRejected extends RuntimeException {

    private final ResponseCode responseCode;
    private final String errorFieldName;

    public PaymentRequestRejected(ResponseCode responseCode, String errorFieldName) {
        super(responseCode.code() + (errorFieldName == null ? "" : " on " + errorFieldName), null, false, false);
        this.responseCode = responseCode;
        this.errorFieldName = errorFieldName;
    }

    public static PaymentRequestRejected formatError(String fieldName) {
        return new PaymentRequestRejected(ResponseCode.fromCode("30").orElseThrow(), fieldName);
    }

    public static PaymentRequestRejected of(String code) {
        return new PaymentRequestRejected(ResponseCode.fromCode(code).orElseThrow(), null);
    }

    public ResponseCode responseCode() {
        return responseCode;
    }

    /** The offending field, or {@code null} when the code is not about one field. */
    public String errorFieldName() {
        return errorFieldName;
    }
}
