package org.caisse.authorization.adapter.in.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.HashSet;
import java.util.Set;
import org.caisse.authorization.config.AuthorizationConfig;
import org.caisse.common.identity.ServiceCallers;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Lets the {@link RuleCallers} resources be read by the internal callers and the rule writers, and changed by the
 * rule writers only; anyone else gets 403 before the body is read. The caller is the token's {@code sub} only when
 * its header {@code kid} names the same service ({@link ServiceCallers#isAllowed}). A request without a token is
 * left to {@code @RolesAllowed} (401).
 */
@Provider
@RuleCallers
@Priority(Priorities.AUTHORIZATION)
public class RuleCallerFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(RuleCallerFilter.class);

    private final JsonWebToken jwt;
    /** Read at the first request: providers are built before the runtime configuration is available. */
    private final Instance<AuthorizationConfig> config;
    private volatile Set<String> readers;
    private volatile Set<String> writers;

    public RuleCallerFilter(JsonWebToken jwt, Instance<AuthorizationConfig> config) {
        this.jwt = jwt;
        this.config = config;
    }

    private Set<String> allowed(boolean reading) {
        if (writers == null) {
            AuthorizationConfig.Internal internal = config.get().internal();
            Set<String> all = new HashSet<>(internal.allowedCallers());
            all.addAll(internal.ruleWriters());
            readers = Set.copyOf(all);
            writers = Set.copyOf(internal.ruleWriters());
        }
        return reading ? readers : writers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null || jwt.getRawToken() == null) {
            return;
        }
        boolean reading = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!ServiceCallers.isAllowed(jwt.getRawToken(), jwt.getSubject(), allowed(reading))) {
            LOG.warnf("merchant rules %s refused: caller %s (kid must equal sub) is not allowed",
                    reading ? "read" : "change", jwt.getSubject());
            request.abortWith(Problems.of(403, "Forbidden", "this service may not "
                    + (reading ? "read" : "change") + " merchant rules", null));
        }
    }
}
