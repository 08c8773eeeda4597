package org.caisse.keymanagement.domain.cse;

import org.caisse.keymanagement.domain.KeyLifecycle;

/** The answer to "give me the private key of this merchant's kid, to decrypt card data now". */
public sealed interface CseKeyLookup {

    /** The pair exists for that merchant and may decrypt now. */
    record Usable(CseKeyPair pair) implements CseKeyLookup {
    }

    /** No such kid for that merchant (another merchant's kid included). */
    record Unknown(CseKeyId id) implements CseKeyLookup {
    }

    /** The pair exists but no longer decrypts (deactivated or past its {@code notAfter}). */
    record NoLongerUsable(CseKeyId id, KeyLifecycle lifecycle) implements CseKeyLookup {
    }
}
