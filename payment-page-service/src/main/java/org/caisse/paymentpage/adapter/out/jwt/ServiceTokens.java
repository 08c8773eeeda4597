package org.caisse.paymentpage.adapter.out.jwt;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Service JWTs of payment-page-service (platform contracts, "Service identity"): RS256, kid and sub =
 * our name, iss {@code caisse}, aud = the called service, groups {@code service}, valid 5 minutes, cached
 * and renewed a minute before expiry.
 */
@ApplicationScoped
public class ServiceTokens {

    public static final String SELF = "payment-page-service";
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private record Cached(String token, Instant renewAt) {
    }

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    /** A bearer token (without the {@code Bearer } prefix) for calls to {@code audience}. */
    public String tokenFor(String audience) {
        Instant now = Instant.now();
        Cached cached = cache.get(audience);
        if (cached != null && now.isBefore(cached.renewAt())) {
            return cached.token();
        }
        String token = Jwt.issuer("caisse")
                .subject(SELF)
                .audience(audience)
                .groups(Set.of("service"))
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .jws()
                .keyId(SELF)
                .sign();
        cache.put(audience, new Cached(token, now.plus(LIFETIME).minus(RENEW_BEFORE)));
        return token;
    }
}
