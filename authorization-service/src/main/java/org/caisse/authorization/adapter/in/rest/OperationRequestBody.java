package org.caisse.authorization.adapter.in.rest;

import java.math.BigDecimal;

/**
 * Body of the cash operations on {@code /internal/v1/merchants/{merchantId}/transactions/{transactionReference}/...}
 * ({@code validate}, {@code cancel}, {@code refund}, {@code force}).
 */
public class OperationRequestBody {
    public String operationId;
    public BigDecimal amount;
    public String currencyCode;
    public String operationOrigin;
    /** {@code force} only: the authorization number the issuer gave by phone. */
    public String authorisationId;
}
