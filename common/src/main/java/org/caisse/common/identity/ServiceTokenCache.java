package org.caisse.common.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The caller's cache of service JWTs (docs/platform-contracts.md, "Service identity"): one token per audience,
 * signed for {@code lifetime} and renewed a minute before it expires, or at half its lifetime when the lifetime is
 * two minutes or less.
 *
 * <p>A valid cached token is read without locking. On a miss (first call, or renewal due) the audience's entry is
 * recomputed with {@link ConcurrentHashMap#compute}, so concurrent callers of one audience wait for a single
 * signature while other audiences are not blocked. A signer that throws leaves the previous entry in place and the
 * exception reaches the caller; nothing is cached.
 */
public final class ServiceTokenCache {

    /** How long before expiry a token is renewed (for lifetimes over twice this). */
    public static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private record Token(String value, Instant renewAt) {
        boolean isFreshAt(Instant now) {
            return now.isBefore(renewAt);
        }
    }

    private final ServiceTokenSigner signer;
    private final Duration lifetime;
    private final Duration renewAfter;
    private final Clock clock;
    private final ConcurrentHashMap<String, Token> byAudience = new ConcurrentHashMap<>();

    /**
     * @param signer   signs a token for an audience and validity window
     * @param lifetime {@code exp - iat} of every token; must be positive
     * @param clock    the time source ({@link Clock#systemUTC()} in production)
     */
    public ServiceTokenCache(ServiceTokenSigner signer, Duration lifetime, Clock clock) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        this.renewAfter = renewAfter(lifetime);
    }

    /** With the system clock. */
    public ServiceTokenCache(ServiceTokenSigner signer, Duration lifetime) {
        this(signer, lifetime, Clock.systemUTC());
    }

    /**
     * How long after signing a token of this lifetime is replaced: {@code lifetime - 1 min} when the lifetime is over
     * two minutes, else {@code lifetime / 2}.
     */
    public static Duration renewAfter(Duration lifetime) {
        return lifetime.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) > 0
                ? lifetime.minus(RENEW_BEFORE_EXPIRY)
                : lifetime.dividedBy(2);
    }

    /** A valid bearer token for calls to {@code audience} (without the {@code Bearer } prefix). */
    public String tokenFor(String audience) {
        Objects.requireNonNull(audience, "audience");
        Token cached = byAudience.get(audience);
        if (cached != null && cached.isFreshAt(clock.instant())) {
            return cached.value();
        }
        return byAudience.compute(audience, (aud, current) -> {
            Instant now = clock.instant();
            if (current != null && current.isFreshAt(now)) {
                return current; // renewed by a concurrent caller while this one waited
            }
            String signed = Objects.requireNonNull(signer.sign(aud, now, now.plus(lifetime)),
                    "the signer returned no token");
            return new Token(signed, now.plus(renewAfter));
        }).value();
    }

    /** {@link #tokenFor(String)} for a fixed audience, e.g. for {@code CachingMerchantKeyClient}. */
    public Supplier<String> supplierFor(String audience) {
        Objects.requireNonNull(audience, "audience");
        return () -> tokenFor(audience);
    }

    /** The lifetime of the tokens this cache signs. */
    public Duration lifetime() {
        return lifetime;
    }

    /** Forgets every cached token: the next call per audience signs a new one. */
    public void invalidateAll() {
        byAudience.clear();
    }
}
