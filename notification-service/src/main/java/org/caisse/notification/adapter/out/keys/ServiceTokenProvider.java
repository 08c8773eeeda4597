package org.caisse.notification.adapter.out.keys;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Service JWTs for one callee (docs/platform-contracts.md): RS256 with this service's key
 * ({@code smallrye.jwt.sign.key.location}), {@code kid} and {@code sub} = notification-service, 5 minutes, cached and
 * renewed a minute before expiry.
 */
public final class ServiceTokenProvider implements Supplier<String> {

    static final String SELF = "notification-service";
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private final String audience;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ServiceTokenProvider(String audience) {
        this.audience = audience;
    }

    @Override
    public synchronized String get() {
        Instant now = Instant.now();
        if (token == null || !now.isBefore(renewAt)) {
            token = Jwt.issuer("caisse")
                    .subject(SELF)
                    .audience(audience)
                    .groups(Set.of("service"))
                    .issuedAt(now)
                    .expiresAt(now.plus(LIFETIME))
                    .jws().keyId(SELF)
                    .sign();
            renewAt = now.plus(LIFETIME).minus(RENEW_BEFORE);
        }
        return token;
    }
}
