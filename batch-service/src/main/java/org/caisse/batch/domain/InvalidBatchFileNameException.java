package org.caisse.batch.domain;

/** A file name that is not a valid Office Batch request name; the message says why. */
public final class InvalidBatchFileNameException extends IllegalArgumentException {

    public InvalidBatchFileNameException(String reason) {
        super(reason);
    }
}
