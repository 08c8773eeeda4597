package org.caisse.authorization.adapter.in.rest;

import java.math.BigDecimal;

/** Body of {@code POST /internal/v1/merchants/{merchantId}/transactions/{transactionReference}/cancel}. */
public class CancelRequestBody {
    public String operationId;
    public BigDecimal amount;
    public String currencyCode;
    public String operationOrigin;
}
