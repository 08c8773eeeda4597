package org.caisse.authorization.application.port.out;

import io.smallrye.mutiny.Uni;

/** Asks an acquirer (the test acquirer for now) to authorize a card payment. */
public interface AcquirerAuthorizationPort {

    Uni<AcquirerAuthorizationAnswer> authorize(AcquirerAuthorizationRequest request);
}
