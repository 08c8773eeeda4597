package org.caisse.authorization.application.port.out;

/** A conditional rules change named a version that is no longer the stored one; nothing was written. */
public class StaleRulesVersionException extends RuntimeException {

    public StaleRulesVersionException(String merchantId, long expectedVersion) {
        super("rules of merchant " + merchantId + " are no longer at version " + expectedVersion, null, false, false);
    }
}
