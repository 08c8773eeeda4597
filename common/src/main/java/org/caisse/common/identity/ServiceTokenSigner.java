package org.caisse.common.identity;

import java.time.Instant;

/**
 * Signs one service JWT (docs/platform-contracts.md, "Service identity"): {@code iss=caisse}, {@code sub} and
 * {@code kid} = the calling service, {@code aud} = {@code audience}, {@code groups=["service"]}, {@code iat} =
 * {@code issuedAt}, {@code exp} = {@code expiresAt}. The services implement it with smallrye-jwt-build.
 */
@FunctionalInterface
public interface ServiceTokenSigner {

    /** The compact JWS, without the {@code Bearer } prefix; never null. */
    String sign(String audience, Instant issuedAt, Instant expiresAt);
}
