package org.caisse.keymanagement.adapter.out.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.caisse.keymanagement.application.CseKeyService;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.cse.CseKeyId;
import org.caisse.keymanagement.domain.cse.CseKeyLookup;
import org.caisse.keymanagement.domain.cse.CseKeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.cse.CsePublicKey;
import org.caisse.keymanagement.support.ServiceTokens;
import org.caisse.keymanagement.support.TestKeys;
import org.junit.jupiter.api.Test;

/** CSE private keys as stored in the real PostgreSQL database: encrypted, bound to merchant and kid, checked. */
@QuarkusTest
class CseKeyAtRestTest {

    @Inject
    CseKeyService service;

    @Inject
    Pool pool;

    @Test
    void privateKeyIsStoredEncryptedAndTheRowHoldsNoClearPrivateMaterial() {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        CsePublicKey created = service.generate(merchant).await().indefinitely();
        String d = privateScalar(created.id());

        Row row = rawRow(created.id());
        byte[] encrypted = row.getBuffer("encrypted_private_key").getBytes();
        assertThat(new String(encrypted, StandardCharsets.ISO_8859_1)).doesNotContain(d).doesNotContain("\"d\"");
        assertThat(row.getBuffer("wrapped_data_key").getBytes()).hasSize(60);
        assertThat(row.getString("public_jwk")).doesNotContain("\"d\"").doesNotContain(d);
        assertThat(row.getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void createIfAbsentIsIdempotentAndNeverReplacesAPair() {
        CseKeyId id = CseKeyId.named(MerchantId.of(TestKeys.freshMerchantId()), "fixed");
        Optional<CsePublicKey> first = service.createIfAbsent(id).await().indefinitely();
        assertThat(first).isPresent();
        String publicJwk = rawRow(id).getString("public_jwk");

        assertThat(service.createIfAbsent(id).await().indefinitely()).isEmpty();
        assertThat(rawRow(id).getString("public_jwk")).isEqualTo(publicJwk);
    }

    @Test
    void aKidIsUniqueAcrossMerchants() {
        CseKeyId id = CseKeyId.named(MerchantId.of(TestKeys.freshMerchantId()), "shared" + System.nanoTime());
        service.createIfAbsent(id).await().indefinitely();
        CseKeyId sameKidOtherMerchant = new CseKeyId(MerchantId.of(TestKeys.freshMerchantId()), id.kid());
        assertThat(service.createIfAbsent(sameKidOtherMerchant).await().indefinitely()).isEmpty();
        assertThat(service.findForDecryption(sameKidOtherMerchant).await().indefinitely())
                .isInstanceOf(CseKeyLookup.Unknown.class);
    }

    @Test
    void aRowMovedToAnotherMerchantFailsTheIntegrityCheckAndServesNoKey() {
        CsePublicKey created = service.generate(MerchantId.of(TestKeys.freshMerchantId())).await().indefinitely();
        String d = privateScalar(created.id());
        String thief = TestKeys.freshMerchantId();
        pool.preparedQuery("UPDATE merchant_cse_key SET merchant_id = $1 WHERE kid = $2")
                .execute(Tuple.of(thief, created.id().kid())).await().indefinitely();

        CseKeyId moved = new CseKeyId(MerchantId.of(thief), created.id().kid());
        assertThatThrownBy(() -> service.findForDecryption(moved).await().indefinitely())
                .isInstanceOf(CseKeyMaterialIntegrityException.class);
        String body = given().auth().oauth2(ServiceTokens.from("authorization-service"))
                .when().get("/internal/v1/merchants/{m}/cse-keys/{kid}", thief, moved.kid())
                .then().statusCode(500)
                .contentType("application/problem+json")
                .extract().asString();
        assertThat(body).contains("Key material integrity failure").doesNotContain(d).doesNotContain("privateJwk");
    }

    @Test
    void aPublicKeySwappedForAnotherPairsFailsTheIntegrityCheck() {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        CsePublicKey victim = service.generate(merchant).await().indefinitely();
        CsePublicKey other = service.generate(merchant).await().indefinitely();
        // Someone with write access publishes another key under the victim's kid.
        pool.preparedQuery("UPDATE merchant_cse_key SET public_jwk = $1 WHERE kid = $2")
                .execute(Tuple.of(other.publicJwk().json(), victim.id().kid())).await().indefinitely();

        assertThatThrownBy(() -> service.findForDecryption(victim.id()).await().indefinitely())
                .isInstanceOf(CseKeyMaterialIntegrityException.class);
    }

    @Test
    void theDatabaseRefusesARowWithoutPrivateKeyUnlessDestroyedAndADeprecationWithoutDeadline() {
        CsePublicKey created = service.generate(MerchantId.of(TestKeys.freshMerchantId())).await().indefinitely();
        assertThatThrownBy(() -> pool.preparedQuery(
                        "UPDATE merchant_cse_key SET encrypted_private_key = NULL WHERE kid = $1")
                .execute(Tuple.of(created.id().kid())).await().indefinitely())
                .hasMessageContaining("merchant_cse_key_material_present");
        assertThatThrownBy(() -> pool.preparedQuery(
                        "UPDATE merchant_cse_key SET status = 'DEPRECATED', not_after = NULL WHERE kid = $1")
                .execute(Tuple.of(created.id().kid())).await().indefinitely())
                .hasMessageContaining("merchant_cse_key_deprecated_has_not_after");
    }

    private String privateScalar(CseKeyId id) {
        CseKeyLookup lookup = service.findForDecryption(id).await().indefinitely();
        assertThat(lookup).isInstanceOf(CseKeyLookup.Usable.class);
        String json = ((CseKeyLookup.Usable) lookup).pair().privateJwk().reveal();
        return io.restassured.path.json.JsonPath.from(json).getString("d");
    }

    private Row rawRow(CseKeyId id) {
        return pool.preparedQuery("SELECT * FROM merchant_cse_key WHERE merchant_id = $1 AND kid = $2")
                .execute(Tuple.of(id.merchantId().value(), id.kid())).await().indefinitely().iterator().next();
    }
}
