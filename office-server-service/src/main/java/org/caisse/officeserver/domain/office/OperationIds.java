package org.caisse.officeserver.domain.office;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

/**
 * Deterministic operation ids for cash operations: the same sealed request always yields the same id,
 * so the authorization service treats a replayed request as the same operation and changes nothing.
 * The id is a UUID (version 8, RFC 9562) made of the first 128 bits of
 * {@code SHA-256(service | merchantId | seal)}; the seal covers every field of the request.
 */
public final class OperationIds {

    private OperationIds() {
    }

    public static UUID forSealedRequest(String serviceName, String merchantId, String seal) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(
                    (serviceName + "|" + merchantId + "|" + seal.toLowerCase(Locale.ROOT))
                            .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        digest[6] = (byte) ((digest[6] & 0x0f) | 0x80); // version 8
        digest[8] = (byte) ((digest[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(digest, 0, 16);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
