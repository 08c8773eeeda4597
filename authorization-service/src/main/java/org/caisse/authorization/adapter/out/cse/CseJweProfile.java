package org.caisse.authorization.adapter.out.cse;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.jwk.Curve;
import java.text.ParseException;
import java.util.regex.Pattern;
import org.caisse.authorization.application.port.out.CardDecryptionException;
import org.caisse.authorization.application.port.out.CardDecryptionException.Reason;

/**
 * The one JWE profile accepted for {@code encryptedCardData}, checked before any key is looked up: compact
 * serialization, {@code alg} ECDH-ES+A256KW (P-256 keys), {@code enc} A256GCM, no compression, no critical
 * extension, and a {@code kid} of the merchant's own ({@code <merchantId>-cse-...}, the form key-management-service
 * gives its kids). Everything else ({@code none}, {@code dir}, RSA1_5, plain ECDH-ES, other curves...) is refused.
 * Keys are only ever found by (merchant, kid): header parameters such as {@code jwk} or {@code jku} are ignored.
 */
final class CseJweProfile {

    static final JWEAlgorithm ALGORITHM = JWEAlgorithm.ECDH_ES_A256KW;
    static final EncryptionMethod ENCRYPTION = EncryptionMethod.A256GCM;
    static final Curve CURVE = Curve.P_256;
    /** A card blob is about 600 characters; anything far larger is not one. */
    static final int MAX_LENGTH = 4096;

    private static final Pattern KID_FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String KID_INFIX = "-cse-";

    private CseJweProfile() {
    }

    /** The parsed JWE, still encrypted, whose header fits the profile and names one of the merchant's keys. */
    static JWEObject parse(String merchantId, String encryptedCardData) {
        if (encryptedCardData == null || encryptedCardData.isBlank()) {
            throw malformed("encryptedCardData is empty");
        }
        if (encryptedCardData.length() > MAX_LENGTH) {
            throw malformed("encryptedCardData is longer than " + MAX_LENGTH + " characters");
        }
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(encryptedCardData.strip());
        } catch (ParseException | RuntimeException e) {
            // The parser's message may quote the input: it is not kept.
            throw malformed("encryptedCardData is not a compact JWE");
        }
        JWEHeader header = jwe.getHeader();
        if (!ALGORITHM.equals(header.getAlgorithm())) {
            throw malformed("JWE alg " + safe(header.getAlgorithm().getName()) + " is not accepted (only "
                    + ALGORITHM + ")");
        }
        if (!ENCRYPTION.equals(header.getEncryptionMethod())) {
            throw malformed("JWE enc " + safe(header.getEncryptionMethod().getName()) + " is not accepted (only "
                    + ENCRYPTION + ")");
        }
        if (header.getCompressionAlgorithm() != null) {
            throw malformed("compressed JWE content is not accepted");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw malformed("critical JWE header parameters are not accepted");
        }
        String kid = header.getKeyID();
        if (kid == null || kid.isEmpty()) {
            throw malformed("the JWE header has no kid");
        }
        if (!isKidOf(merchantId, kid)) {
            throw new CardDecryptionException(Reason.UNKNOWN_KEY, "the JWE kid is not a CSE key of merchant "
                    + safe(merchantId));
        }
        return jwe;
    }

    /** Is {@code kid} well formed and one of the merchant's? */
    static boolean isKidOf(String merchantId, String kid) {
        return merchantId != null && KID_FORMAT.matcher(kid).matches() && kid.startsWith(merchantId + KID_INFIX);
    }

    private static CardDecryptionException malformed(String message) {
        return new CardDecryptionException(Reason.MALFORMED, message);
    }

    /** A header value as it may appear in a message: short and plain. */
    static String safe(String value) {
        if (value == null) {
            return "null";
        }
        String plain = value.replaceAll("[^A-Za-z0-9+._-]", "?");
        return plain.length() > 32 ? plain.substring(0, 32) + "..." : plain;
    }
}
