package org.caisse.authorization.application;

import io.smallrye.mutiny.Uni;
import org.caisse.authorization.domain.AuthorizationResult;
import org.caisse.authorization.domain.Transaction;

/** Asks the acquirer to authorize a deferred payment with its vaulted card (no CSC: the cardholder is not there). */
public interface DeferredAuthorizations {

    Uni<AuthorizationResult> authorize(Transaction deferredPayment);
}
