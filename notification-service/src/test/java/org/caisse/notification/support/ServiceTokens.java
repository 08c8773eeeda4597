package org.caisse.notification.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

/** Service JWTs as another Caisse service would mint them, signed with that service's key from .caisse/secrets. */
public final class ServiceTokens {

    private ServiceTokens() {
    }

    public static String as(String caller, String audience) {
        return Jwt.issuer("caisse").subject(caller).audience(audience).groups(Set.of("service"))
                .expiresIn(Duration.ofMinutes(5))
                .jws().keyId(caller).sign(privateKey(caller));
    }

    /** A token for this service as office-server-service would send it. */
    public static String forNotificationService() {
        return as("office-server-service", "notification-service");
    }

    private static PrivateKey privateKey(String service) {
        String dir = System.getenv().getOrDefault("CAISSE_SECRETS_DIR", "../.caisse/secrets");
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of(dir, "jwt", service + ".key.pem")));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the JWT key of " + service, e);
        }
    }
}
