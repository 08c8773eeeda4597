package org.caisse.paymentpage.domain.branding;

/**
 * A branding change the page refuses: {@code field} names what is wrong, {@code reason} is a short stable slug
 * (the problem type), the message says why in words for the merchant's back office. Never carries the refused
 * content itself.
 */
public final class BrandingRefused extends RuntimeException {

    private final String field;
    private final String reason;

    public BrandingRefused(String field, String reason, String detail) {
        super(detail, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
