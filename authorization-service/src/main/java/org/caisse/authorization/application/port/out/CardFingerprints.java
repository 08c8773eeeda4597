package org.caisse.authorization.application.port.out;

/**
 * A keyed, one-way fingerprint of a card number: equal for equal PANs, useless without the platform's lookup key.
 * Used to find a vaulted card and to count attempts per card without ever storing or comparing clear PANs.
 */
public interface CardFingerprints {

    /** @return the fingerprint of {@code pan} (lowercase hex), stable across restarts and replicas */
    String of(String pan);
}
