package org.caisse.authorization.adapter.in.rest;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import org.eclipse.microprofile.config.ConfigProvider;

/** Mints service JWTs the way a calling service does, with that service's key from the local secrets. */
final class ServiceTokens {

    private ServiceTokens() {
    }

    static String as(String caller, String audience) {
        return signedBy(caller, caller, audience);
    }

    /** A token signed with {@code keyOwner}'s key (header kid = keyOwner) that claims {@code subject}. */
    static String signedBy(String keyOwner, String subject, String audience) {
        String caller = keyOwner;
        try {
            String secrets = ConfigProvider.getConfig().getValue("caisse.secrets-dir", String.class);
            PrivateKey key = KeyUtils.decodePrivateKey(
                    Files.readString(Path.of(secrets, "jwt", caller + ".key.pem")));
            return Jwt.issuer("caisse").subject(subject).audience(audience).groups("service").expiresIn(300)
                    .jws().keyId(caller).sign(key);
        } catch (Exception e) {
            throw new IllegalStateException("cannot mint a service token for " + caller, e);
        }
    }

    /** A token of the payment page calling this service. */
    static String paymentPage() {
        return as("payment-page-service", "authorization-service");
    }
}
