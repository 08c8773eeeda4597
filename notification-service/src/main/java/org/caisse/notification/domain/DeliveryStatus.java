package org.caisse.notification.domain;

/** Where a delivery stands. {@code DELIVERED} and {@code FAILED} are final: the row is kept, never sent again. */
public enum DeliveryStatus {
    /** Created, first attempt not made yet. */
    PENDING,
    /** At least one attempt failed; another one is scheduled. */
    RETRYING,
    /** The recipient acknowledged it (HTTP 2xx). */
    DELIVERED,
    /** Every attempt of the retry ladder failed, or the message could not be built. */
    FAILED;

    /** True when the worker may still pick this delivery up. */
    public boolean isOpen() {
        return this == PENDING || this == RETRYING;
    }
}
