package org.caisse.authorization.adapter.out.crypto;

import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.subtle.PrfHmacJce;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.caisse.authorization.application.port.out.CardFingerprints;
import org.caisse.authorization.config.AuthorizationConfig;

/**
 * The keyed hashes of card numbers, all HMAC-SHA-256 under keys derived (HKDF-SHA-256, one label each) from the
 * lookup key file: the fingerprint of the PAN alone, the card id and the token of (merchant, PAN). Without the
 * lookup key none of them can be computed, so none lets anyone test guessed card numbers.
 *
 * <p>The lookup key is not the KEK on purpose: a KEK is rotated by rewrapping data keys, which must leave every
 * fingerprint, card id and token as it was (tokens are held by merchants, fingerprints are compared over time).
 */
@Startup
@ApplicationScoped
public class KeyedCardHashes implements CardFingerprints {

    /** Tokens start with letters, so they are never all digits and never pass as a card number. */
    static final String TOKEN_PREFIX = "tk";
    static final int TOKEN_BYTES = 15;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final byte[] SALT = "caisse/card-vault".getBytes(StandardCharsets.US_ASCII);

    private final Prf fingerprintPrf;
    private final Prf cardIdPrf;
    private final Prf tokenPrf;

    @Inject
    public KeyedCardHashes(AuthorizationConfig config) {
        this(config.vault().lookupKeyFile());
    }

    public KeyedCardHashes(Path lookupKeyFile) {
        this(KeyFiles.read(lookupKeyFile, "card vault lookup key"));
    }

    /** Takes the raw lookup key and wipes it once the derived keys are made. */
    KeyedCardHashes(byte[] lookupKey) {
        try {
            this.fingerprintPrf = derive(lookupKey, "fingerprint/v1");
            this.cardIdPrf = derive(lookupKey, "card-id/v1");
            this.tokenPrf = derive(lookupKey, "token-pan/v1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The card vault lookup key could not be initialised", e);
        } finally {
            Arrays.fill(lookupKey, (byte) 0);
        }
    }

    private static Prf derive(byte[] lookupKey, String label) throws GeneralSecurityException {
        byte[] key = Hkdf.computeHkdf("HMACSHA256", lookupKey, SALT, label.getBytes(StandardCharsets.US_ASCII),
                KeyFiles.KEY_BYTES);
        try {
            return new PrfHmacJce("HMACSHA256", new SecretKeySpec(key, "HMAC"));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** HMAC-SHA-256 of the PAN alone, lowercase hex (64 characters): the same for every merchant. */
    @Override
    public String of(String pan) {
        return HexFormat.of().formatHex(hash(fingerprintPrf, pan, 32));
    }

    /** A UUID (version 8, RFC 9562) made of the keyed hash of (merchant, PAN). */
    public UUID cardId(String merchantId, String pan) {
        byte[] bytes = hash(cardIdPrf, merchantId + "|" + pan, 16);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x80);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** {@code tk} and 24 lowercase base32 characters (120 bits of the keyed hash of (merchant, PAN)). */
    public String tokenPan(String merchantId, String pan) {
        return TOKEN_PREFIX + base32(hash(tokenPrf, merchantId + "|" + pan, TOKEN_BYTES));
    }

    private static byte[] hash(Prf prf, String input, int length) {
        try {
            return prf.compute(input.getBytes(StandardCharsets.US_ASCII), length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 failed", e);
        }
    }

    /** RFC 4648 base32, lowercase, for a multiple of 5 bytes (no padding needed). */
    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 8 / 5);
        for (int i = 0; i < bytes.length; i += 5) {
            long block = 0;
            for (int j = 0; j < 5; j++) {
                block = (block << 8) | (bytes[i + j] & 0xff);
            }
            for (int shift = 35; shift >= 0; shift -= 5) {
                out.append(BASE32[(int) ((block >>> shift) & 0x1f)]);
            }
        }
        return out.toString();
    }
}
