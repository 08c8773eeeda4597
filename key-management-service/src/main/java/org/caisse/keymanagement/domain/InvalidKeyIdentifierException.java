package org.caisse.keymanagement.domain;

/** A merchant identifier or key version that does not have the required format. */
public final class InvalidKeyIdentifierException extends IllegalArgumentException {

    private final String fieldName;

    public InvalidKeyIdentifierException(String fieldName, String message) {
        super(message);
        this.fieldName = fieldName;
    }

    /** The name of the offending field, as the API names it ({@code merchantId} or {@code keyVersion}). */
    public String fieldName() {
        return fieldName;
    }
}
