package org.caisse.keymanagement.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caisse.keymanagement.application.KeyAuditService;
import org.caisse.keymanagement.application.MerchantKeyService;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.custody.ActorRole;
import org.caisse.keymanagement.domain.custody.AuditAction;
import org.caisse.keymanagement.domain.custody.AuditEntry;
import org.caisse.keymanagement.support.ServiceTokens;
import org.caisse.keymanagement.support.TestKeys;
import org.junit.jupiter.api.Test;

/** Operator rotation and one-time download over HTTP, with real service JWTs and the real PostgreSQL. */
@QuarkusTest
class KeyRotationApiTest {

    /** Allowed in %test (caisse.internal.key-rotators / key-downloaders). */
    private static final String OPERATOR = "office-server-service";
    private static final String ROTATIONS = "/internal/v1/merchants/{merchantId}/keys/rotations";
    private static final String DOWNLOAD = "/internal/v1/merchants/{merchantId}/keys/{keyVersion}/download";
    private static final String FETCH = "/internal/v1/merchants/{merchantId}/keys/{keyVersion}";

    @Inject
    MerchantKeyService service;

    @Inject
    KeyAuditService audit;

    private static ValidatableResponse rotate(String caller, String merchant, String body) {
        return given().auth().oauth2(ServiceTokens.from(caller)).contentType(ContentType.JSON).body(body)
                .when().post(ROTATIONS, merchant).then();
    }

    private static ValidatableResponse download(String caller, String merchant, int version) {
        return given().auth().oauth2(ServiceTokens.from(caller)).when().post(DOWNLOAD, merchant, version).then();
    }

    @Test
    void rotationAnswersMetadataOnlyAndTheSecretIsDownloadedOnceThenServedToVerifiers() {
        String merchant = TestKeys.freshMerchantId();
        String oldSecret = TestKeys.freshSecret();
        TestKeys.importActive(service, merchant, 1, oldSecret);
        Instant before = Instant.now();

        rotate(OPERATOR, merchant, "{\"environment\":\"TEST\",\"overlap\":\"PT1H\"}")
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/internal/v1/merchants/" + merchant + "/keys/2/download"))
                .body("merchantId", equalTo(merchant))
                .body("keyVersion", equalTo(2))
                .body("status", equalTo("ACTIVE"))
                .body("environment", equalTo("TEST"))
                .body("notAfter", nullValue())
                .body("secretKey", nullValue())
                .body("deprecated", hasSize(1))
                .body("deprecated[0].keyVersion", equalTo(1))
                .body("deprecated[0].status", equalTo("DEPRECATED"))
                .body("deprecated[0].notAfter", notNullValue());

        String secret = download(OPERATOR, merchant, 2).statusCode(200)
                .header("Cache-Control", "no-store")
                .body("keyVersion", equalTo(2))
                .extract().path("secretKey");
        assertThat(secret).hasSize(43).isNotEqualTo(oldSecret);
        download(OPERATOR, merchant, 2).statusCode(409).contentType("application/problem+json")
                .body("reason", equalTo("ALREADY_DOWNLOADED")).body("secretKey", nullValue());

        given().auth().oauth2(ServiceTokens.fromPaymentPage()).when().get(FETCH, merchant, 2).then()
                .statusCode(200).body("secretKey", equalTo(secret));
        String oldNotAfter = given().auth().oauth2(ServiceTokens.fromPaymentPage()).when().get(FETCH, merchant, 1)
                .then().statusCode(200).body("status", equalTo("DEPRECATED")).body("secretKey", equalTo(oldSecret))
                .extract().path("notAfter");
        assertThat(Duration.between(before, Instant.parse(oldNotAfter))).isBetween(Duration.ofMinutes(59),
                Duration.ofMinutes(61));

        List<AuditEntry> lines = audit.audit(Optional.of(MerchantId.of(merchant)), 0, 50).await().indefinitely()
                .entries();
        assertThat(lines).filteredOn(l -> l.action() == AuditAction.ROTATE_KEY
                        || l.action() == AuditAction.DOWNLOAD_KEY)
                .isNotEmpty()
                .allSatisfy(l -> {
                    assertThat(l.actor().role()).isEqualTo(ActorRole.OPERATOR);
                    assertThat(l.actor().name()).isEqualTo(OPERATOR);
                    assertThat(l.actor().origin()).isEqualTo("service:" + OPERATOR);
                    assertThat(l.detail()).doesNotContain(secret);
                });
    }

    @Test
    void callersOutsideTheAllowListsAreRefusedAndNothingChanges() {
        String merchant = TestKeys.freshMerchantId();
        TestKeys.importActive(service, merchant, 1, TestKeys.freshSecret());

        rotate("payment-page-service", merchant, "{\"environment\":\"TEST\"}").statusCode(403)
                .contentType("application/problem+json");
        download("payment-page-service", merchant, 1).statusCode(403);
        given().auth().oauth2(ServiceTokens.fromPaymentPage()).when().get(FETCH, merchant, 2).then().statusCode(404);
        given().auth().oauth2(ServiceTokens.fromPaymentPage()).when().get(FETCH, merchant, 1).then()
                .statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void badRequestsAreProblemsWithTheField() {
        String merchant = TestKeys.freshMerchantId();
        TestKeys.importActive(service, merchant, 1, TestKeys.freshSecret());

        rotate(OPERATOR, merchant, "{\"environment\":\"STAGING\"}").statusCode(400).body("field", equalTo("environment"));
        rotate(OPERATOR, merchant, "{\"environment\":\"TEST\",\"overlap\":\"an hour\"}").statusCode(400)
                .body("field", equalTo("overlap"));
        // below the configured minimum (1 h unless caisse.keys.min-overlap says otherwise)
        rotate(OPERATOR, merchant, "{\"environment\":\"TEST\",\"overlap\":\"PT20S\"}").statusCode(400)
                .body("field", equalTo("overlap")).body("reason", equalTo("OVERLAP_OUT_OF_RANGE"));
        rotate(OPERATOR, "12345", "{\"environment\":\"TEST\"}").statusCode(400);
        download(OPERATOR, merchant, 7).statusCode(404);
        given().auth().oauth2(ServiceTokens.fromPaymentPage()).when().get(FETCH, merchant, 2).then().statusCode(404);
    }
}
