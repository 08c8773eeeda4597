package org.caisse.common.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SealsTest {

    static final String KEY = "002001000000001_KEY1";
    static final String DATA = "amount=1000|currencyCode=978";

    @Test
    void wireNamesRoundTripAndBlankMeansNoChoice() {
        for (SealAlgorithm algorithm : SealAlgorithm.values()) {
            assertThat(SealAlgorithm.fromWireName(algorithm.wireName())).contains(algorithm);
        }
        assertThat(SealAlgorithm.HMAC_SHA_256.wireName()).isEqualTo("HMAC-SHA-256");
        assertThat(SealAlgorithm.SHA_256.wireName()).isEqualTo("SHA-256");
        assertThat(SealAlgorithm.fromWireName(null)).isEmpty();
        assertThat(SealAlgorithm.fromWireName("  ")).isEmpty();
        assertThat(SealAlgorithm.fromWireName("MD5")).isEmpty();
    }

    @Test
    void sealIsLowercaseHexOf64Characters() {
        for (SealAlgorithm algorithm : SealAlgorithm.values()) {
            assertThat(Seals.compute(algorithm, KEY, DATA)).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void theTwoAlgorithmsGiveDifferentSeals() {
        assertThat(Seals.compute(SealAlgorithm.HMAC_SHA_256, KEY, DATA))
                .isNotEqualTo(Seals.compute(SealAlgorithm.SHA_256, KEY, DATA));
    }

    @Test
    void matchesAcceptsUppercaseHex() {
        String seal = Seals.compute(SealAlgorithm.HMAC_SHA_256, KEY, DATA);
        assertThat(Seals.matches(SealAlgorithm.HMAC_SHA_256, KEY, DATA, seal.toUpperCase(Locale.ROOT))).isTrue();
    }

    @Test
    void matchesRefusesWrongKeyAlgorithmMessageOrMalformedSealWithoutThrowing() {
        String seal = Seals.compute(SealAlgorithm.HMAC_SHA_256, KEY, DATA);
        assertThat(Seals.matches(SealAlgorithm.HMAC_SHA_256, "other", DATA, seal)).isFalse();
        assertThat(Seals.matches(SealAlgorithm.SHA_256, KEY, DATA, seal)).isFalse();
        assertThat(Seals.matches(SealAlgorithm.HMAC_SHA_256, KEY, DATA + "|x=1", seal)).isFalse();
        assertThat(Seals.matches(SealAlgorithm.HMAC_SHA_256, KEY, DATA, seal.substring(2))).isFalse();
        assertThat(Seals.matches(SealAlgorithm.HMAC_SHA_256, KEY, DATA, seal + "00")).isFalse();
        assertThat(Seals.matches(SealAlgorithm.HMAC_SHA_256, KEY, DATA, "zz" + seal.substring(2))).isFalse();
        assertThat(Seals.matches(SealAlgorithm.HMAC_SHA_256, KEY, DATA, "")).isFalse();
        assertThat(Seals.matches(null, KEY, DATA, seal)).isFalse();
        assertThat(Seals.matches(SealAlgorithm.HMAC_SHA_256, null, DATA, seal)).isFalse();
        assertThat(Seals.matches(SealAlgorithm.HMAC_SHA_256, KEY, null, seal)).isFalse();
        assertThat(Seals.matches(SealAlgorithm.HMAC_SHA_256, KEY, DATA, null)).isFalse();
    }

    @Test
    void keyAndMessageAreUtf8() {
        // SHA-256 of "é" + "k" in UTF-8 (c3 a9 6b), not Latin-1.
        assertThat(Seals.compute(SealAlgorithm.SHA_256, "k", "é"))
                .isEqualTo(Seals.compute(SealAlgorithm.SHA_256, "", "ék"));
        assertThat(Seals.compute(SealAlgorithm.SHA_256, "", "ék"))
                .isNotEqualTo(Seals.compute(SealAlgorithm.SHA_256, "", "e\u0301k"));
    }

    @Test
    void emptyHmacKeyIsAccepted() {
        // RFC 2104: a zero-length key; well-known value of HMAC_SHA256("", "").
        assertThat(Seals.compute(SealAlgorithm.HMAC_SHA_256, "", ""))
                .isEqualTo("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    }

    @Property
    void aComputedSealAlwaysMatchesAndAnyChangedMessageDoesNot(@ForAll String key, @ForAll String message,
                                                               @ForAll boolean hmac) {
        SealAlgorithm algorithm = hmac ? SealAlgorithm.HMAC_SHA_256 : SealAlgorithm.SHA_256;
        String seal = Seals.compute(algorithm, key, message);
        assertThat(Seals.matches(algorithm, key, message, seal)).isTrue();
        assertThat(Seals.matches(algorithm, key, message + "x", seal)).isFalse();
    }
}
