package org.caisse.authorization.domain;

/** Whether money goes from the cardholder to the merchant (a payment) or back to the cardholder (a credit holder). */
public enum TransactionKind {
    PAYMENT,
    CREDIT
}
