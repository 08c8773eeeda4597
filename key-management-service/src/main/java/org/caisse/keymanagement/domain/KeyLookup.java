package org.caisse.keymanagement.domain;

/** The answer to "give me the key for this merchant and version, for verifying a seal now". */
public sealed interface KeyLookup {

    /** The version exists and may verify seals now. */
    record Usable(MerchantSecretKey key) implements KeyLookup {
    }

    /** No such merchant, or no such version for it. */
    record Unknown(MerchantKeyId id) implements KeyLookup {
    }

    /** The version was requested but not activated yet: it verifies nothing (answered like an unknown key). */
    record NotActiveYet(MerchantKeyId id) implements KeyLookup {
    }

    /** The version exists but belongs to another environment than the one the caller serves (TEST vs PRODUCTION). */
    record WrongEnvironment(MerchantKeyId id, KeyEnvironment keyEnvironment, KeyEnvironment requestedEnvironment)
            implements KeyLookup {
    }

    /** The version exists but no longer verifies (deactivated, destroyed, or past its {@code notAfter}). */
    record NoLongerUsable(MerchantKeyId id, KeyLifecycle lifecycle) implements KeyLookup {
    }
}
