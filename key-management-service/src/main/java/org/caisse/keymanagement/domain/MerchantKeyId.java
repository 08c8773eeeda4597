package org.caisse.keymanagement.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Identifies one secret key: a merchant and one of its key versions.
 *
 * <p>{@link #bindingLabel()} is what the encrypted key material is bound to: a ciphertext produced for one
 * merchant and version does not decrypt under any other, so a row copied to another merchant or version is
 * detected rather than served.
 */
public record MerchantKeyId(MerchantId merchantId, KeyVersion keyVersion) {

    public MerchantKeyId {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(keyVersion, "keyVersion");
    }

    public static MerchantKeyId of(String merchantId, int keyVersion) {
        return new MerchantKeyId(MerchantId.of(merchantId), KeyVersion.of(keyVersion));
    }

    /** {@code merchantId|keyVersion}, e.g. {@code 002001000000001|1}. */
    public String bindingLabel() {
        return merchantId.value() + "|" + keyVersion.value();
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
