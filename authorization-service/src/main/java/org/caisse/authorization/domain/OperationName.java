package org.caisse.authorization.domain;

/** Names of the operations recorded on a transaction (Sips {@code lastOperationName}). */
public enum OperationName {
    AUTHORIZATION,
    CANCEL
}
