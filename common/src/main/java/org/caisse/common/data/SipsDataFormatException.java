package org.caisse.common.data;

/**
 * A Sips {@code Data} value that breaks the syntax (Sips response code 30). The message never carries field
 * values, only the name of the offending field.
 */
public class SipsDataFormatException extends RuntimeException {

    private final String fieldName;

    public SipsDataFormatException(String fieldName, String message) {
        super(message);
        this.fieldName = fieldName;
    }

    public SipsDataFormatException(String fieldName, String message, Throwable cause) {
        super(message, cause);
        this.fieldName = fieldName;
    }

    /** The field to name in {@code errorFieldName}; {@code Data} when no single field is to blame. */
    public String fieldName() {
        return fieldName;
    }
}
