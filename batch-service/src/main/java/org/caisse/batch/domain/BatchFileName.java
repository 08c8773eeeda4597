package org.caisse.batch.domain;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of an Office Batch request file (SIPS.md §9):
 * {@code OFBREQ_<merchantId>_<fileReference>.<csv|xml>[.zip][.pgp]}.
 *
 * <p>Decided where the specification is silent: {@code merchantId} is exactly 15 digits; {@code fileReference}
 * is 1 to 35 characters from {@code A–Z a–z 0–9 -} (no underscore or dot, which delimit the name); the prefix
 * and the extensions are matched exactly as written (upper-case prefix, lower-case extensions); the wrappers
 * come in that order: zipped first, then PGP-encrypted.
 */
public record BatchFileName(String merchantId, String fileReference, Format format, boolean zipped,
                            boolean pgpEncrypted) {

    public static final String REQUEST_PREFIX = "OFBREQ";
    public static final String RESPONSE_PREFIX = "OFBRESP";
    public static final int MAX_FILE_REFERENCE_LENGTH = 35;

    private static final Pattern MERCHANT_ID = Pattern.compile("\\d{15}");
    private static final Pattern FILE_REFERENCE = Pattern.compile("[A-Za-z0-9-]{1," + MAX_FILE_REFERENCE_LENGTH + "}");
    private static final Pattern REQUEST_NAME = Pattern.compile(
            REQUEST_PREFIX + "_([^_]*)_([^_.]*)\\.(csv|xml)(\\.zip)?(\\.pgp)?");

    /** The content format of the (unwrapped) file. */
    public enum Format {
        CSV("csv"),
        XML("xml");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    public BatchFileName {
        Objects.requireNonNull(format, "format");
        if (merchantId == null || !MERCHANT_ID.matcher(merchantId).matches()) {
            throw new InvalidBatchFileNameException("the merchantId part must be exactly 15 digits");
        }
        if (fileReference == null || !FILE_REFERENCE.matcher(fileReference).matches()) {
            throw new InvalidBatchFileNameException("the fileReference part must be 1 to "
                    + MAX_FILE_REFERENCE_LENGTH + " characters among letters, digits and '-'");
        }
    }

    /**
     * Parses a request file name.
     *
     * @throws InvalidBatchFileNameException with the reason when the name is not a valid request file name
     */
    public static BatchFileName parse(String fileName) {
        if (fileName == null || fileName.isEmpty()) {
            throw new InvalidBatchFileNameException("the file name is empty");
        }
        if (fileName.length() > 255) {
            throw new InvalidBatchFileNameException("the file name is longer than 255 characters");
        }
        Matcher matcher = REQUEST_NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new InvalidBatchFileNameException("the file name must be " + REQUEST_PREFIX
                    + "_<merchantId>_<fileReference>.csv or .xml, optionally followed by .zip and/or .pgp");
        }
        return new BatchFileName(matcher.group(1), matcher.group(2),
                "csv".equals(matcher.group(3)) ? Format.CSV : Format.XML,
                matcher.group(4) != null, matcher.group(5) != null);
    }

    /** The request file name in its canonical form. */
    public String requestFileName() {
        return REQUEST_PREFIX + "_" + merchantId + "_" + fileReference + "." + format.extension()
                + (zipped ? ".zip" : "") + (pgpEncrypted ? ".pgp" : "");
    }

    /**
     * The response file answering this request (SIPS.md §9): same merchant, reference and format. Whether a
     * response to a PGP request is itself encrypted is decided with the PGP support, not here.
     */
    public String responseFileName() {
        return RESPONSE_PREFIX + "_" + merchantId + "_" + fileReference + "." + format.extension();
    }
}
