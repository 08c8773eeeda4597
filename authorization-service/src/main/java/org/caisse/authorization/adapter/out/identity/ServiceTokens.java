package org.caisse.authorization.adapter.out.identity;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.caisse.common.identity.ServiceTokenCache;

/**
 * Service JWTs for this service's calls to other Caisse services (docs/platform-contracts.md, "Service identity"):
 * RS256 with this service's key ({@code smallrye.jwt.sign.key.location}), {@code kid} and {@code sub} =
 * {@code authorization-service}, {@code aud} = the called service, {@code groups=["service"]}, five minutes, one
 * token per audience cached and renewed a minute before expiry by {@link ServiceTokenCache}.
 */
@ApplicationScoped
public class ServiceTokens {

    public static final String SELF = "authorization-service";
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final ServiceTokenCache cache = new ServiceTokenCache(ServiceTokens::sign, LIFETIME);

    /** A valid bearer token for {@code audience} (without the {@code Bearer } prefix). */
    public String tokenFor(String audience) {
        return cache.tokenFor(audience);
    }

    private static String sign(String audience, Instant issuedAt, Instant expiresAt) {
        return Jwt.issuer("caisse")
                .subject(SELF)
                .audience(audience)
                .groups("service")
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .jws().keyId(SELF)
                .sign();
    }
}
