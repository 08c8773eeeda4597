package org.caisse.paymentpage.adapter.out.jwt;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.caisse.common.identity.ServiceTokenCache;

/**
 * Service JWTs of payment-page-service (platform contracts, "Service identity"): RS256, kid and sub =
 * our name, iss {@code caisse}, aud = the called service, groups {@code service}, valid 5 minutes, cached
 * and renewed a minute before expiry by {@link ServiceTokenCache}.
 */
@ApplicationScoped
public class ServiceTokens {

    public static final String SELF = "payment-page-service";
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final ServiceTokenCache cache = new ServiceTokenCache(ServiceTokens::sign, LIFETIME);

    /** A bearer token (without the {@code Bearer } prefix) for calls to {@code audience}. */
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
                .jws()
                .keyId(SELF)
                .sign();
    }
}
