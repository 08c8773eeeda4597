package org.caisse.keymanagement.domain;

/** Which platform a key seals for: every merchant has separate TEST and PRODUCTION keys. */
public enum KeyEnvironment {
    TEST,
    PRODUCTION
}
