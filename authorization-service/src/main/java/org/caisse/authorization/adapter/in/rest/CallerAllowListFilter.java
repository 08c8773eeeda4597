package org.caisse.authorization.adapter.in.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.caisse.authorization.config.AuthorizationConfig;
import org.caisse.common.identity.ServiceCallers;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Lets only the services of {@code caisse.internal.allowed-callers} reach the {@link InternalCallers} resources:
 * another service with a valid token gets 403 before its body is read. The caller is the token's {@code sub} only
 * when the header {@code kid} (the key that signed it) names the same service, so a service cannot sign with its
 * own key and claim another's name. A request without a token is left to {@code @RolesAllowed} (401).
 */
@Provider
@InternalCallers
@Priority(Priorities.AUTHORIZATION)
public class CallerAllowListFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(CallerAllowListFilter.class);

    private final JsonWebToken jwt;
    /** Read at the first request: providers are built before the runtime configuration is available. */
    private final Instance<AuthorizationConfig> config;
    private volatile Set<String> allowed;

    public CallerAllowListFilter(JsonWebToken jwt, Instance<AuthorizationConfig> config) {
        this.jwt = jwt;
        this.config = config;
    }

    private Set<String> allowed() {
        Set<String> current = allowed;
        if (current == null) {
            current = Set.copyOf(config.get().internal().allowedCallers());
            allowed = current;
        }
        return current;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null || jwt.getRawToken() == null) {
            return;
        }
        if (!ServiceCallers.isAllowed(jwt.getRawToken(), jwt.getSubject(), allowed())) {
            LOG.warnf("internal call refused: caller %s (kid must equal sub) is not allowed", jwt.getSubject());
            request.abortWith(Problems.of(403, "Forbidden", "this service may not call this endpoint", null));
        }
    }
}
