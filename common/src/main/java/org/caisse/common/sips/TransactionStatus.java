package org.caisse.common.sips;

import java.util.Optional;

/** Sips transaction statuses (SIPS.md §7). */
public enum TransactionStatus {
    TO_AUTHORIZE(false),
    TO_VALIDATE(false),
    TO_CAPTURE(false),
    CAPTURED(false),
    TO_CREDIT(false),
    REFERRAL(false),
    REFUSED(true),
    CANCELLED(true),
    EXPIRED(true),
    CREDITED(true);

    private final boolean terminal;

    TransactionStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether no operation may follow (answer 24). {@code CAPTURED} still accepts refunds. */
    public boolean isTerminal() {
        return terminal;
    }

    public static Optional<TransactionStatus> fromName(String name) {
        if (name != null) {
            for (TransactionStatus value : values()) {
                if (value.name().equals(name)) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }
}
