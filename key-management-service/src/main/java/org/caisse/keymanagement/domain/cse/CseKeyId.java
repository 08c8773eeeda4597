package org.caisse.keymanagement.domain.cse;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import org.caisse.keymanagement.domain.InvalidKeyIdentifierException;
import org.caisse.keymanagement.domain.MerchantId;

/**
 * Identifies one client-side-encryption key pair: a merchant and the pair's {@code kid} (the JWK key id that the
 * shop's JWE header repeats).
 *
 * <p>Generated kids read {@code <merchantId>-cse-<16 hex digits>}, so a kid names its merchant and a decrypting
 * service can refuse another merchant's kid before any lookup; the lookup by (merchant, kid) remains the rule.
 * {@link #bindingLabel()} ({@code merchantId|kid}) is what the encrypted private key is bound to.
 */
public record CseKeyId(MerchantId merchantId, String kid) {

    /** What a kid may contain: safe in a URL path segment, a JSON string and a log line. */
    private static final Pattern KID_FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String KID_INFIX = "-cse-";
    private static final SecureRandom RANDOM = new SecureRandom();

    public CseKeyId {
        Objects.requireNonNull(merchantId, "merchantId");
        if (kid == null || !KID_FORMAT.matcher(kid).matches()) {
            throw new InvalidKeyIdentifierException("kid", "kid must be 1 to 64 characters among A-Z a-z 0-9 . _ -");
        }
    }

    public static CseKeyId of(String merchantId, String kid) {
        return new CseKeyId(MerchantId.of(merchantId), kid);
    }

    /** A fresh kid for {@code merchantId}: {@code <merchantId>-cse-<64 random bits in hex>}. */
    public static CseKeyId newFor(MerchantId merchantId) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return new CseKeyId(merchantId, merchantId.value() + KID_INFIX + HexFormat.of().formatHex(random));
    }

    /** A kid of the generated shape with a chosen suffix (the demo merchant's fixed, idempotent key). */
    public static CseKeyId named(MerchantId merchantId, String suffix) {
        return new CseKeyId(merchantId, merchantId.value() + KID_INFIX + suffix);
    }

    /** {@code merchantId|kid}. */
    public String bindingLabel() {
        return merchantId.value() + "|" + kid;
    }

    /** The UTF-8 bytes of {@link #bindingLabel()}, used as AEAD associated data. */
    public byte[] associatedData() {
        return bindingLabel().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return bindingLabel();
    }
}
