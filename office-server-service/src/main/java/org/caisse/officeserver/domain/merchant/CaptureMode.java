package org.caisse.officeserver.domain.merchant;

/** How a merchant's payments are captured by default (Sips {@code captureMode}). */
public enum CaptureMode {
    /** Captured automatically {@code captureDay} days after the authorization. */
    AUTHOR_CAPTURE,
    /** Captured only once the merchant validates the transaction within {@code captureDay} days. */
    VALIDATION
}
