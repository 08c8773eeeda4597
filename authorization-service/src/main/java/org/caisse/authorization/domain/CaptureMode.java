package org.caisse.authorization.domain;

import org.caisse.common.sips.TransactionStatus;

/** How an accepted authorization becomes a capture (Sips {@code captureMode}). */
public enum CaptureMode {
    /** Captured automatically by the remittance run {@code captureDay} days after authorization. */
    AUTHOR_CAPTURE(TransactionStatus.TO_CAPTURE),
    /** Waits for the merchant's validation during {@code captureDay} days. */
    VALIDATION(TransactionStatus.TO_VALIDATE),
    /** Captured at authorization. */
    IMMEDIATE(TransactionStatus.CAPTURED);

    private final TransactionStatus statusWhenAuthorized;

    CaptureMode(TransactionStatus statusWhenAuthorized) {
        this.statusWhenAuthorized = statusWhenAuthorized;
    }

    /** The status an accepted authorization puts the transaction in. */
    public TransactionStatus statusWhenAuthorized() {
        return statusWhenAuthorized;
    }
}
