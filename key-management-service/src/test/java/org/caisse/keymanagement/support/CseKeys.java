package org.caisse.keymanagement.support;

import static io.restassured.RestAssured.given;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.caisse.keymanagement.domain.KeyStatus;

/** CSE keys through the real API and database, and JWE round trips with Nimbus as a shop and a decryptor would. */
public final class CseKeys {

    public static final String GENERATOR = "office-server-service";
    public static final String READER = "authorization-service";

    private CseKeys() {
    }

    /** Generates a pair through {@code POST /internal/v1/merchants/{m}/cse-keys}; answers the 201 body. */
    public static JsonPath generate(String merchantId) {
        return given().auth().oauth2(ServiceTokens.from(GENERATOR))
                .when().post("/internal/v1/merchants/{m}/cse-keys", merchantId)
                .then().statusCode(201).extract().jsonPath();
    }

    public static String encryptFor(ECKey publicKey, String plaintext) {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
                    .keyID(publicKey.getKeyID()).build(), new Payload(plaintext));
            jwe.encrypt(new ECDHEncrypter(publicKey));
            return jwe.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String decryptWith(ECKey privateKey, String compact) {
        try {
            JWEObject jwe = JWEObject.parse(compact);
            jwe.decrypt(new ECDHDecrypter(privateKey));
            return jwe.getPayload().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey ecKey(Map<String, Object> jwk) {
        try {
            return ECKey.parse(jwk);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes the lifecycle columns only (they are not part of the encryption binding). */
    public static void setLifecycle(Pool pool, String merchantId, String kid, KeyStatus status, Instant notAfter) {
        pool.preparedQuery("UPDATE merchant_cse_key SET status = $1, not_after = $2 WHERE merchant_id = $3 AND kid = $4")
                .execute(Tuple.of(status.name(), notAfter == null ? null : notAfter.atOffset(ZoneOffset.UTC),
                        merchantId, kid))
                .await().indefinitely();
    }
}
