package org.caisse.paymentpage.application.port.out;

/** Turns an uploaded stylesheet into one the page may serve, or refuses it. */
public interface StylesheetSanitizer {

    /**
     * @return the stylesheet re-written from its parsed form (only allowed constructs)
     * @throws org.caisse.paymentpage.domain.branding.BrandingRefused naming the reason
     */
    String sanitize(String css);
}
