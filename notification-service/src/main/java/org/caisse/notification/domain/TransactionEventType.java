package org.caisse.notification.domain;

import java.util.Optional;

/** The transaction event types that call for an automatic response. */
public enum TransactionEventType {
    AUTHORIZED("org.caisse.transaction.authorized.v1"),
    REFUSED("org.caisse.transaction.refused.v1");

    private final String cloudEventType;

    TransactionEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    /** The type for a CloudEvents {@code type}, or empty when this service ignores it. */
    public static Optional<TransactionEventType> fromCloudEventType(String type) {
        for (TransactionEventType candidate : values()) {
            if (candidate.cloudEventType.equals(type)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
