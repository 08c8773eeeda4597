package org.caisse.keymanagement.adapter.in.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The service JWT of the current internal call, read from the authenticated identity. Injecting
 * {@code JsonWebToken} directly would give the OIDC extension's token (the key site's sign-in), which is empty
 * for a service call authenticated by smallrye-jwt.
 */
@RequestScoped
public class ServiceCallerToken {

    private final SecurityIdentity identity;

    public ServiceCallerToken(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String rawToken() {
        return jwt() == null ? null : jwt().getRawToken();
    }

    public String subject() {
        return jwt() == null ? null : jwt().getSubject();
    }

    private JsonWebToken jwt() {
        return identity.getPrincipal() instanceof JsonWebToken token ? token : null;
    }
}
