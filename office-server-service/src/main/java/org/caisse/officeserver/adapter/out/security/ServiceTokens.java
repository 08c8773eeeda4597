package org.caisse.officeserver.adapter.out.security;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.jwt.build.Jwt;
import org.caisse.common.identity.ServiceTokenCache;
import org.caisse.officeserver.config.ServiceIdentityConfig;

/**
 * Service JWTs for calls to other Caisse services (docs/platform-contracts.md, "Service identity"):
 * RS256 with this service's key ({@code smallrye.jwt.sign.key.location}), {@code kid} = service name,
 * {@code iss=caisse}, {@code sub} = service name, {@code aud} = the called service,
 * {@code groups=["service"]}, valid {@code caisse.service.token-lifetime}. One token per audience is cached and
 * renewed a minute before it expires (at half-life for lifetimes of two minutes or less) by
 * {@link ServiceTokenCache}.
 */
@ApplicationScoped
public class ServiceTokens {

    private final String self;
    private final ServiceTokenCache cache;

    @Inject
    public ServiceTokens(ServiceIdentityConfig identity) {
        this.self = identity.name();
        this.cache = new ServiceTokenCache(this::sign, identity.tokenLifetime());
    }

    /** A valid bearer token for {@code audience} (without the {@code Bearer } prefix). */
    public String tokenFor(String audience) {
        return cache.tokenFor(audience);
    }

    private String sign(String audience, Instant issuedAt, Instant expiresAt) {
        return Jwt.issuer("caisse")
                .subject(self)
                .audience(audience)
                .groups("service")
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .jws().keyId(self)
                .sign();
    }
}
