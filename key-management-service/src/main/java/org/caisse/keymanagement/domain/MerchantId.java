package org.caisse.keymanagement.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** A Sips merchant identifier: exactly 15 digits (SIPS.md §10). */
public record MerchantId(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{15}");

    public MerchantId {
        Objects.requireNonNull(value, "merchantId");
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidKeyIdentifierException("merchantId", "merchantId must be exactly 15 digits");
        }
    }

    public static MerchantId of(String value) {
        return new MerchantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
