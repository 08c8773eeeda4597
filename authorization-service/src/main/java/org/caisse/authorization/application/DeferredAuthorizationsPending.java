package org.caisse.authorization.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.caisse.authorization.domain.AuthorizationResult;
import org.caisse.authorization.domain.Transaction;

/** Placeholder until the vault is wired: a deferred payment cannot be authorized without its vaulted card. */
@ApplicationScoped
public class DeferredAuthorizationsPending implements DeferredAuthorizations {
    @Override
    public Uni<AuthorizationResult> authorize(Transaction deferredPayment) {
        return Uni.createFrom().failure(new IllegalStateException("vault not wired"));
    }
}
