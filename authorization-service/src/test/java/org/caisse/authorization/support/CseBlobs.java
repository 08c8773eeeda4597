package org.caisse.authorization.support;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code encryptedCardData} as a shop's page makes it (README, "Client-side encryption"): the card fields as JSON,
 * encrypted to the merchant's CSE public key as a compact JWE (ECDH-ES+A256KW, A256GCM, the key's kid).
 *
 * <pre>{@code
 * ECKey key = CseBlobs.newKeyPair("002001000000001");           // what key-management-service would hold
 * FakeKeyManagement.shared().register("002001000000001", key);  // served to the decryptor in @QuarkusTests
 * String blob = CseBlobs.encrypt(key.toPublicJWK(), "4100000000000005", "202812", "123");
 * }</pre>
 */
public final class CseBlobs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CseBlobs() {
    }

    /** A fresh P-256 pair with a kid of the merchant ({@code <merchantId>-cse-<hex>}), as key-management makes them. */
    public static ECKey newKeyPair(String merchantId) {
        byte[] suffix = new byte[8];
        RANDOM.nextBytes(suffix);
        return newKeyPair(merchantId, merchantId + "-cse-" + HexFormat.of().formatHex(suffix));
    }

    public static ECKey newKeyPair(String merchantId, String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.ENCRYPTION)
                    .algorithm(JWEAlgorithm.ECDH_ES_A256KW).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid blob generated now; {@code csc} may be null. */
    public static String encrypt(ECKey publicJwk, String pan, String expiryDate, String csc) {
        return encrypt(publicJwk, pan, expiryDate, csc, Instant.now());
    }

    /** A valid blob for a public JWK given as JSON text (e.g. the first key of the merchant's JWKS). */
    public static String encrypt(String publicJwkJson, String pan, String expiryDate, String csc) {
        try {
            return encrypt(ECKey.parse(publicJwkJson), pan, expiryDate, csc);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a P-256 JWK", e);
        }
    }

    public static String encrypt(ECKey publicJwk, String pan, String expiryDate, String csc, Instant generationTime) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", pan);
        fields.put("expiryDate", expiryDate);
        if (csc != null) {
            fields.put("cscValue", csc);
        }
        fields.put("generationTime", generationTime.toString());
        return encryptJson(publicJwk, json(fields));
    }

    /** Any plaintext, encrypted with the profile's algorithms under the key's own kid. */
    public static String encryptJson(ECKey publicJwk, String plaintext) {
        return encryptJson(publicJwk, publicJwk.getKeyID(), plaintext);
    }

    /** Any plaintext encrypted to {@code publicJwk}, announcing {@code kid} (which may be another key's). */
    public static String encryptJson(ECKey publicJwk, String kid, String plaintext) {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
                    .keyID(kid).build(), new Payload(plaintext));
            jwe.encrypt(new ECDHEncrypter(publicJwk.toECPublicKey()));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
