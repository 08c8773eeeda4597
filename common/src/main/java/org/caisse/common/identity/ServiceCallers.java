package org.caisse.common.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling an internal endpoint. A service JWT is verified with the public key its header {@code kid}
 * selects, so only a token whose {@code sub} equals that {@code kid} proves the caller's name: a service could
 * otherwise sign with its own key and claim another's name in {@code sub}.
 */
public final class ServiceCallers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceCallers() {
    }

    /**
     * @param rawToken an already verified compact JWS (its signature is not checked again here)
     * @param subject  its {@code sub} claim
     * @return the calling service's name when the header {@code kid} names the same service
     */
    public static Optional<String> verifiedCaller(String rawToken, String subject) {
        if (rawToken == null || subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        int dot = rawToken.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(rawToken.substring(0, dot)));
            return subject.equals(header.path("kid").asText(null)) ? Optional.of(subject) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the token proves one of the {@code allowed} callers. */
    public static boolean isAllowed(String rawToken, String subject, Set<String> allowed) {
        return verifiedCaller(rawToken, subject).filter(allowed::contains).isPresent();
    }
}
