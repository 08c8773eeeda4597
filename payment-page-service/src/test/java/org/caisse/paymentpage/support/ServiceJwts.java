package org.caisse.paymentpage.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import org.eclipse.microprofile.config.ConfigProvider;

/** Mints service JWTs the way a calling service does, with that service's key from the local secrets. */
public final class ServiceJwts {

    private ServiceJwts() {
    }

    public static String as(String caller) {
        return signedBy(caller, caller, "payment-page-service");
    }

    /** A token signed with {@code keyOwner}'s key (header kid = keyOwner) claiming {@code subject} for {@code audience}. */
    public static String signedBy(String keyOwner, String subject, String audience) {
        try {
            String secrets = ConfigProvider.getConfig().getValue("caisse.secrets-dir", String.class);
            PrivateKey key = KeyUtils.decodePrivateKey(Files.readString(Path.of(secrets, "jwt", keyOwner + ".key.pem")));
            return Jwt.issuer("caisse").subject(subject).audience(audience).groups("service").expiresIn(300)
                    .jws().keyId(keyOwner).sign(key);
        } catch (Exception e) {
            throw new IllegalStateException("cannot mint a service token for " + keyOwner, e);
        }
    }
}
