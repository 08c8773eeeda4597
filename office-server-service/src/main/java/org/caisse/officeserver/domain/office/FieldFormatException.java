package org.caisse.officeserver.domain.office;

/**
 * A request field is missing or malformed: Sips response code 30 with {@code errorFieldName}.
 * The message never carries the field's value.
 */
public final class FieldFormatException extends RuntimeException {

    private final String fieldName;

    public FieldFormatException(String fieldName) {
        super("invalid or missing field " + fieldName, null, false, false);
        this.fieldName = fieldName;
    }

    public String fieldName() {
        return fieldName;
    }
}
