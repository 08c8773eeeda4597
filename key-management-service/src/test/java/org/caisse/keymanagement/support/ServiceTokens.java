package org.caisse.keymanagement.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

/**
 * Service JWTs as a calling service mints them (platform contracts), signed with that service's key from
 * {@code .caisse/secrets/jwt}, plus deliberately broken variants.
 */
public final class ServiceTokens {

    public static final String SELF = "key-management-service";
    public static final String CALLER = "payment-page-service";

    private ServiceTokens() {
    }

    /** A valid token from {@code payment-page-service} for this service. */
    public static String fromPaymentPage() {
        return claims(CALLER, SELF).jws().keyId(CALLER).sign(privateKeyOf(CALLER));
    }

    /** A valid token from {@code caller}, signed with its own key. */
    public static String from(String caller) {
        return claims(caller, SELF).jws().keyId(caller).sign(privateKeyOf(caller));
    }

    /** Claims {@code sub = claimedCaller} but is signed (and its kid names) {@code signer}: a forged identity. */
    public static String claimingToBe(String claimedCaller, String signer) {
        return claims(claimedCaller, SELF).jws().keyId(signer).sign(privateKeyOf(signer));
    }

    public static String withAudience(String audience) {
        return claims(CALLER, audience).jws().keyId(CALLER).sign(privateKeyOf(CALLER));
    }

    public static String expired() {
        return Jwt.issuer("caisse").subject(CALLER).audience(SELF).groups(Set.of("service"))
                .issuedAt(Instant.now().minusSeconds(900)).expiresAt(Instant.now().minusSeconds(600))
                .jws().keyId(CALLER).sign(privateKeyOf(CALLER));
    }

    public static String withIssuer(String issuer) {
        return Jwt.issuer(issuer).subject(CALLER).audience(SELF).groups(Set.of("service")).expiresIn(300)
                .jws().keyId(CALLER).sign(privateKeyOf(CALLER));
    }

    /** Claims and kid of payment-page-service, but signed with a key that is not in the JWKS. */
    public static String signedWithAnUnknownKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(CALLER, SELF).jws().keyId(CALLER).sign(generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A correctly signed token whose caller lacks the {@code service} role. */
    public static String withoutServiceRole() {
        return Jwt.issuer("caisse").subject(CALLER).audience(SELF).groups(Set.of("merchant-user")).expiresIn(300)
                .jws().keyId(CALLER).sign(privateKeyOf(CALLER));
    }

    private static JwtClaimsBuilder claims(String caller, String audience) {
        return Jwt.issuer("caisse").subject(caller).audience(audience).groups(Set.of("service")).expiresIn(300);
    }

    public static PrivateKey privateKeyOf(String service) {
        Path pem = Path.of(System.getProperty("caisse.secrets-dir", "../.caisse/secrets"), "jwt", service + ".key.pem");
        try {
            return KeyUtils.decodePrivateKey(Files.readString(pem));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the private key " + pem.toAbsolutePath(), e);
        }
    }
}
