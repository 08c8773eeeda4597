package org.caisse.common.keys;

import java.util.Objects;

/** The answer of a key lookup: found, unknown (Sips 34), or known but no longer usable (Sips 34). */
public sealed interface KeyLookup {

    record Found(MerchantKey key) implements KeyLookup {
        public Found {
            Objects.requireNonNull(key, "key");
        }
    }

    /** Unknown merchant or key version. */
    record Unknown() implements KeyLookup {
    }

    /** The version exists but is deactivated, destroyed or past {@code notAfter}; {@code status} says which. */
    record Unusable(String status) implements KeyLookup {
    }
}
