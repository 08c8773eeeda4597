package org.caisse.authorization.adapter.in.rest;

/** Body of {@code PATCH /internal/v1/merchants/{merchantId}/wallets/{merchantWalletId}/payment-means/{id}}. */
public class WalletAliasRequestBody {
    public String paymentMeanAlias;
}
