package org.caisse.authorization.application;

import org.caisse.common.money.CurrencyUnit;

/** A validated cancel request; {@code operationId} makes it idempotent per merchant. */
public record CancelCommand(String merchantId, String transactionReference, String operationId, long amount,
                            CurrencyUnit currency, String operationOrigin) {
}
