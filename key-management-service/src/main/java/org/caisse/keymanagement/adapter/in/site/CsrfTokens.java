package org.caisse.keymanagement.adapter.in.site;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Synchronizer tokens for the site's forms: {@code HMAC-SHA-256(key, session)} where the session is the identity
 * provider's session id of the signed-in user. A page of another session, or a forged form without the token,
 * is refused. The key is drawn at start-up: a restart only asks an open page to be reloaded.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String FIELD = "csrf-token";

    private final SecretKeySpec key;

    public CsrfTokens() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public String tokenFor(String session) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(session));
    }

    public boolean isValid(String session, String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(session), presented);
    }

    private byte[] mac(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("caisse-key-site-csrf|" + session).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
