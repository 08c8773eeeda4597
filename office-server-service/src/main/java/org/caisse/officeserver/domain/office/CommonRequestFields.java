package org.caisse.officeserver.domain.office;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields every Office Server request carries (SIPS.md §5): who the merchant is, which interface,
 * which key version sealed it, and the seal itself.
 */
public record CommonRequestFields(String merchantId, InterfaceVersion interfaceVersion, int keyVersion, String seal) {

    /** The only seal algorithm of the Office JSON interface. */
    public static final String HMAC_SHA_256 = "HMAC-SHA-256";
    private static final Pattern SEAL = Pattern.compile("[0-9A-Fa-f]{1,128}");

    /**
     * Reads and checks the common fields in a fixed order (merchantId, interfaceVersion, keyVersion,
     * seal, sealAlgorithm), so the reported field is predictable.
     *
     * @throws FieldFormatException naming the first bad field
     */
    public static CommonRequestFields parse(RequestFields fields, String interfaceVersionPrefix) {
        String merchantId = fields.merchantId();
        InterfaceVersion version = InterfaceVersion.parse(fields.raw("interfaceVersion").orElse(null),
                interfaceVersionPrefix);
        int keyVersion = fields.keyVersion();
        String seal = fields.requiredString("seal", 128);
        if (!SEAL.matcher(seal).matches()) {
            throw new FieldFormatException("seal");
        }
        Optional<String> algorithm = fields.optionalString("sealAlgorithm", 20);
        if (algorithm.isPresent() && !HMAC_SHA_256.equals(algorithm.get())) {
            throw new FieldFormatException("sealAlgorithm");
        }
        return new CommonRequestFields(merchantId, version, keyVersion, seal);
    }

    /**
     * The merchant and key version alone, when they are well-formed, so that even a response to a
     * request with other format errors can be sealed with the merchant's key.
     */
    public static Optional<MerchantKeyReference> keyReferenceOf(RequestFields fields) {
        try {
            return Optional.of(new MerchantKeyReference(fields.merchantId(), fields.keyVersion()));
        } catch (FieldFormatException notWellFormed) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "CommonRequestFields[merchantId=" + merchantId + ", interfaceVersion=" + interfaceVersion.wireValue()
                + ", keyVersion=" + keyVersion + "]";
    }
}
