package org.caisse.common.seal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sips seals (SIPS.md §4): UTF-8 message and key, the key string used as its bytes, lowercase hex output.
 */
public final class Seals {

    private static final HexFormat HEX = HexFormat.of();

    private Seals() {
    }

    /**
     * {@code HMAC_SHA_256} → {@code HMAC_SHA256(key, message)}; {@code SHA_256} → {@code SHA256(message + key)}.
     *
     * @return 64 lowercase hex characters
     */
    public static String compute(SealAlgorithm algorithm, String key, String message) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        return HEX.formatHex(raw(algorithm, key, message));
    }

    /**
     * Whether {@code sealHex} is the seal of {@code message}: constant-time comparison, case-insensitive hex,
     * false (never an exception) for any null argument or a seal that is not 64 hex characters.
     */
    public static boolean matches(SealAlgorithm algorithm, String key, String message, String sealHex) {
        if (algorithm == null || key == null || message == null || sealHex == null) {
            return false;
        }
        byte[] expected = raw(algorithm, key, message);
        byte[] received = new byte[expected.length];
        boolean wellFormed = sealHex.length() == expected.length * 2;
        if (wellFormed) {
            try {
                received = HEX.parseHex(sealHex); // accepts upper and lower case
            } catch (IllegalArgumentException notHex) {
                wellFormed = false;
            }
        }
        return MessageDigest.isEqual(expected, received) & wellFormed;
    }

    private static byte[] raw(SealAlgorithm algorithm, String key, String message) {
        try {
            return switch (algorithm) {
                case HMAC_SHA_256 -> {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
                    // SecretKeySpec refuses an empty key; HMAC pads keys with zeros to the block size (64 bytes),
                    // so 64 zero bytes is the same key.
                    mac.init(new SecretKeySpec(keyBytes.length == 0 ? new byte[64] : keyBytes, "HmacSHA256"));
                    yield mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
                }
                case SHA_256 -> MessageDigest.getInstance("SHA-256")
                        .digest((message + key).getBytes(StandardCharsets.UTF_8));
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks HmacSHA256 or SHA-256", e);
        }
    }
}
