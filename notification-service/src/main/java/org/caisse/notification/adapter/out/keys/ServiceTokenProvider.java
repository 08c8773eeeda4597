package org.caisse.notification.adapter.out.keys;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.caisse.common.identity.ServiceTokenCache;

/**
 * Service JWTs for one callee (docs/platform-contracts.md): RS256 with this service's key
 * ({@code smallrye.jwt.sign.key.location}), {@code kid} and {@code sub} = notification-service, 5 minutes, cached and
 * renewed a minute before expiry by {@link ServiceTokenCache}.
 */
public final class ServiceTokenProvider implements Supplier<String> {

    static final String SELF = "notification-service";
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final String audience;
    private final ServiceTokenCache tokens = new ServiceTokenCache(ServiceTokenProvider::sign, LIFETIME);

    public ServiceTokenProvider(String audience) {
        this.audience = audience;
    }

    @Override
    public String get() {
        return tokens.tokenFor(audience);
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
