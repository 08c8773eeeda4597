package org.caisse.officeserver.adapter.out.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.jwt.build.Jwt;
import org.caisse.officeserver.config.ServiceIdentityConfig;

/**
 * Service JWTs for calls to other Caisse services (docs/platform-contracts.md, "Service identity"):
 * RS256 with this service's key ({@code smallrye.jwt.sign.key.location}), {@code kid} = service name,
 * {@code iss=caisse}, {@code sub} = service name, {@code aud} = the called service,
 * {@code groups=["service"]}. One token per audience is cached and renewed a minute before it expires.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private record CachedToken(String token, Instant renewAt) {
    }

    private final ServiceIdentityConfig identity;
    private final Map<String, CachedToken> byAudience = new ConcurrentHashMap<>();

    @Inject
    public ServiceTokens(ServiceIdentityConfig identity) {
        this.identity = identity;
    }

    /** A valid bearer token for {@code audience} (without the {@code Bearer } prefix). */
    public String tokenFor(String audience) {
        Instant now = Instant.now();
        CachedToken cached = byAudience.get(audience);
        if (cached != null && now.isBefore(cached.renewAt())) {
            return cached.token();
        }
        Duration lifetime = identity.tokenLifetime();
        String token = Jwt.issuer("caisse")
                .subject(identity.name())
                .audience(audience)
                .groups("service")
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws().keyId(identity.name())
                .sign();
        Duration renewAfter = lifetime.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) > 0
                ? lifetime.minus(RENEW_BEFORE_EXPIRY) : lifetime.dividedBy(2);
        byAudience.put(audience, new CachedToken(token, now.plus(renewAfter)));
        return token;
    }
}
