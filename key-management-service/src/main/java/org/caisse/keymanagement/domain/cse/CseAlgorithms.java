package org.caisse.keymanagement.domain.cse;

/**
 * The one JWE profile of client-side encryption: key agreement ECDH-ES with key wrapping A256KW on curve P-256,
 * content encryption A256GCM.
 *
 * <p>Why elliptic curves rather than RSA-OAEP-256: P-256 gives about 128 bits of security (RSA-2048 about 112),
 * matching the AES-256 content key better; decrypting costs one scalar multiplication, several times cheaper than
 * an RSA-2048 private-key operation, and it runs on the authorization path of every encrypted payment; key pairs
 * are generated instantly and their public JWKs are small. WebCrypto (ECDH P-256, AES-KW, AES-GCM) and the common
 * JOSE libraries of every platform support this profile. The decrypting side must check that the sender's
 * ephemeral key is on the curve (the JOSE library used here does).
 */
public final class CseAlgorithms {

    /** JWE {@code alg}. */
    public static final String KEY_MANAGEMENT = "ECDH-ES+A256KW";
    /** JWE {@code enc}. */
    public static final String CONTENT_ENCRYPTION = "A256GCM";
    /** JWK {@code crv}. */
    public static final String CURVE = "P-256";

    private CseAlgorithms() {
    }
}
