package org.caisse.keymanagement.adapter.out.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.caisse.keymanagement.application.MerchantKeyService;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyLookup;
import org.caisse.keymanagement.domain.KeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.SecretKeyMaterial;
import org.caisse.keymanagement.support.ServiceTokens;
import org.caisse.keymanagement.support.TestKeys;
import org.junit.jupiter.api.Test;

/** Envelope encryption as stored in the real PostgreSQL database. */
@QuarkusTest
class EnvelopeAtRestTest {

    @Inject
    MerchantKeyService service;

    @Inject
    Pool pool;

    @Test
    void importedSecretIsStoredEncryptedAndReadsBackIdentical() {
        String merchant = TestKeys.freshMerchantId();
        String secret = TestKeys.freshSecret();
        MerchantKeyId id = TestKeys.importActive(service, merchant, 1, secret);

        Row row = rawRow(merchant, 1);
        byte[] encrypted = row.getBuffer("encrypted_secret").getBytes();
        byte[] wrapped = row.getBuffer("wrapped_data_key").getBytes();
        byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
        assertThat(contains(encrypted, plain)).as("secret in clear in encrypted_secret").isFalse();
        assertThat(contains(wrapped, plain)).isFalse();
        assertThat(wrapped).hasSize(60);
        assertThat(encrypted).hasSize(12 + plain.length + 16);
        assertThat(row.getString("status")).isEqualTo("ACTIVE");
        assertThat(row.getString("environment")).isEqualTo("TEST");

        KeyLookup lookup = service.findForVerification(id).await().indefinitely();
        assertThat(lookup).isInstanceOfSatisfying(KeyLookup.Usable.class,
                usable -> assertThat(usable.key().secret().reveal()).isEqualTo(secret));
    }

    @Test
    void importIsIdempotentAndNeverOverwritesAnExistingVersion() {
        String merchant = TestKeys.freshMerchantId();
        String secret = TestKeys.freshSecret();
        MerchantKeyId id = MerchantKeyId.of(merchant, 1);
        assertThat(service.importKey(id, KeyEnvironment.TEST, SecretKeyMaterial.of(secret)).await().indefinitely())
                .isEqualTo(MerchantKeyService.ImportOutcome.IMPORTED);
        byte[] before = rawRow(merchant, 1).getBuffer("encrypted_secret").getBytes();

        assertThat(service.importKey(id, KeyEnvironment.PRODUCTION, SecretKeyMaterial.of("other")).await()
                .indefinitely()).isEqualTo(MerchantKeyService.ImportOutcome.ALREADY_PRESENT);

        Row after = rawRow(merchant, 1);
        assertThat(after.getBuffer("encrypted_secret").getBytes()).isEqualTo(before);
        assertThat(after.getString("environment")).isEqualTo("TEST");
        assertThat(countRows(merchant)).isEqualTo(1);
    }

    @Test
    void rowMovedToAnotherMerchantFailsTheIntegrityCheckAndServesNoKey() {
        String original = TestKeys.freshMerchantId();
        String attacker = TestKeys.freshMerchantId();
        String secret = TestKeys.freshSecret();
        TestKeys.importActive(service, original, 1, secret);

        pool.preparedQuery("UPDATE merchant_secret_key SET merchant_id = $1 WHERE merchant_id = $2")
                .execute(Tuple.of(attacker, original)).await().indefinitely();

        MerchantKeyId moved = MerchantKeyId.of(attacker, 1);
        assertThatThrownBy(() -> service.findForVerification(moved).await().indefinitely())
                .isInstanceOf(KeyMaterialIntegrityException.class)
                .hasMessageContaining(attacker)
                .hasMessageNotContaining(secret);

        given().auth().oauth2(ServiceTokens.fromPaymentPage())
                .when().get("/internal/v1/merchants/{m}/keys/{v}", attacker, "1")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("title", equalTo("Key material integrity failure"))
                .body("secretKey", nullValue())
                .body(not(containsString(secret)));
    }

    @Test
    void rowCopiedToAnotherVersionFailsWhileTheOriginalStillOpens() {
        String merchant = TestKeys.freshMerchantId();
        String secret = TestKeys.freshSecret();
        MerchantKeyId original = TestKeys.importActive(service, merchant, 1, secret);

        pool.preparedQuery("""
                        INSERT INTO merchant_secret_key (merchant_id, key_version, environment, status, not_after,
                                                         created_at, wrapped_data_key, encrypted_secret)
                        SELECT merchant_id, 2, environment, status, not_after, created_at, wrapped_data_key,
                               encrypted_secret
                          FROM merchant_secret_key WHERE merchant_id = $1 AND key_version = 1""")
                .execute(Tuple.of(merchant)).await().indefinitely();

        assertThatThrownBy(() -> service.findForVerification(MerchantKeyId.of(merchant, 2)).await().indefinitely())
                .isInstanceOf(KeyMaterialIntegrityException.class);
        assertThat(service.findForVerification(original).await().indefinitely())
                .isInstanceOf(KeyLookup.Usable.class);
    }

    @Test
    void databaseRefusesAMalformedRow() {
        assertThatThrownBy(() -> pool.query("""
                INSERT INTO merchant_secret_key (merchant_id, key_version, environment, status, created_at,
                                                 wrapped_data_key, encrypted_secret)
                VALUES ('12345', 0, 'TEST', 'ACTIVE', now(), '\\x00', '\\x00')""").execute().await().indefinitely())
                .hasMessageContaining("merchant_secret_key");
        assertThatThrownBy(() -> pool.query("""
                INSERT INTO merchant_secret_key (merchant_id, key_version, environment, status, created_at)
                VALUES ('%s', 1, 'TEST', 'ACTIVE', now())""".formatted(TestKeys.freshMerchantId()))
                .execute().await().indefinitely())
                .hasMessageContaining("merchant_secret_key_material_present");
    }

    private Row rawRow(String merchant, int version) {
        return pool.preparedQuery("SELECT * FROM merchant_secret_key WHERE merchant_id = $1 AND key_version = $2")
                .execute(Tuple.of(merchant, version)).await().indefinitely().iterator().next();
    }

    private long countRows(String merchant) {
        return pool.preparedQuery("SELECT count(*) AS n FROM merchant_secret_key WHERE merchant_id = $1")
                .execute(Tuple.of(merchant)).await().indefinitely().iterator().next().getLong("n");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
