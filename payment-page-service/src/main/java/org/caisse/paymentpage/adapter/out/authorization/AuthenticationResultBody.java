package org.caisse.paymentpage.adapter.out.authorization;

/** The body of {@code POST /internal/v1/authentications/{id}}: no CSC (the page never keeps it). */
public record AuthenticationResultBody(String merchantId, String outcome) {
}
