package org.caisse.keymanagement.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyLookup;
import org.caisse.keymanagement.domain.KeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.custody.Actor;
import org.caisse.keymanagement.domain.custody.ActorRole;
import org.caisse.keymanagement.domain.custody.AuditAction;
import org.caisse.keymanagement.domain.custody.AuditEntry;
import org.caisse.keymanagement.domain.custody.Decision;
import org.caisse.keymanagement.domain.custody.RefusalReason;
import org.caisse.keymanagement.domain.custody.RevocationApproval;
import org.caisse.keymanagement.domain.custody.SealKeyVersion;
import org.caisse.keymanagement.support.ServiceTokens;
import org.caisse.keymanagement.support.TestKeys;
import org.junit.jupiter.api.Test;

/** The key custody use cases against the real PostgreSQL: state, outbox events and audit lines together. */
@QuarkusTest
class KeyLifecycleServiceTest {

    static final Actor MERCHANT = new Actor("shop-owner@merchant.example", ActorRole.MERCHANT, "192.0.2.10");
    static final Actor SUPPORT = new Actor("support@caisse.example", ActorRole.SUPPORT, "192.0.2.20");
    static final Actor ALICE = new Actor("alice@caisse.example", ActorRole.CUSTODIAN, "192.0.2.30");
    static final Actor BOB = new Actor("bob@caisse.example", ActorRole.CUSTODIAN, "192.0.2.31");

    @Inject
    KeyLifecycleService lifecycle;
    @Inject
    KeyRevocationService revocation;
    @Inject
    KeyAuditService audit;
    @Inject
    MerchantKeyService keys;
    @Inject
    Pool pool;

    @Test
    void requestDownloadOnceActivateDeprecatesThePreviousVersion() {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        SealKeyVersion v1 = activeKey(merchant, KeyEnvironment.TEST);
        SealKeyVersion v2 = accepted(lifecycle.requestNewKey(merchant, KeyEnvironment.TEST, MERCHANT));
        assertThat(v2.keyVersion()).isEqualTo(KeyVersion.of(2));
        assertThat(v2.status()).isEqualTo(KeyStatus.REQUESTED);

        assertThat(refusal(lifecycle.activate(merchant, v2.keyVersion(), null, MERCHANT)))
                .isEqualTo(RefusalReason.NOT_DOWNLOADED);
        DownloadedKey downloaded = accepted(lifecycle.downloadOnce(merchant, v2.keyVersion(), MERCHANT));
        assertThat(downloaded.secret().reveal()).hasSize(43);
        assertThat(refusal(lifecycle.downloadOnce(merchant, v2.keyVersion(), MERCHANT)))
                .isEqualTo(RefusalReason.ALREADY_DOWNLOADED);

        Instant before = Instant.now();
        SealKeyVersion active = accepted(lifecycle.activate(merchant, v2.keyVersion(), Duration.ofHours(2), MERCHANT));
        assertThat(active.status()).isEqualTo(KeyStatus.ACTIVE);

        List<SealKeyVersion> listed = lifecycle.listKeys(merchant).await().indefinitely();
        assertThat(listed).extracting(SealKeyVersion::status).containsExactly(KeyStatus.DEPRECATED, KeyStatus.ACTIVE);
        SealKeyVersion deprecated = listed.getFirst();
        assertThat(deprecated.notAfter().orElseThrow()).isBetween(before.plus(Duration.ofHours(2)).minusSeconds(1),
                Instant.now().plus(Duration.ofHours(2)));
        assertThat(listed.get(1).downloadedAt()).isPresent();
        assertThat(listed.get(1).activatedAt()).isPresent();

        // services still read both: the deprecated one until its notAfter, the new one through the fetch API
        assertThat(keys.findForVerification(v1.id()).await().indefinitely()).isInstanceOf(KeyLookup.Usable.class);
        assertThat(keys.findForVerification(v2.id()).await().indefinitely())
                .isInstanceOfSatisfying(KeyLookup.Usable.class,
                        u -> assertThat(u.key().secret()).isEqualTo(downloaded.secret()));

        assertThat(eventTypes(merchant)).containsExactlyInAnyOrder("org.caisse.key.requested.v1",
                "org.caisse.key.activated.v1",
                "org.caisse.key.requested.v1", "org.caisse.key.activated.v1", "org.caisse.key.deprecated.v1");
        List<AuditEntry> lines = audit.audit(java.util.Optional.of(merchant), 0, 50).await().indefinitely().entries();
        assertThat(lines).extracting(AuditEntry::action).contains(AuditAction.REQUEST_KEY, AuditAction.DOWNLOAD_KEY,
                AuditAction.ACTIVATE_KEY);
        assertThat(lines).filteredOn(l -> l.outcome() == AuditEntry.Outcome.REFUSED)
                .extracting(AuditEntry::action).containsExactlyInAnyOrder(AuditAction.ACTIVATE_KEY,
                        AuditAction.DOWNLOAD_KEY);
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.detail()).doesNotContain(downloaded.secret().reveal());
            assertThat(l.actor().origin()).isNotBlank();
        });
        assertThat(outboxPayloads(merchant)).noneMatch(p -> p.contains(downloaded.secret().reveal()));
    }

    @Test
    void concurrentDownloadsGiveTheSecretExactlyOnce() throws Exception {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        SealKeyVersion requested = accepted(lifecycle.requestNewKey(merchant, KeyEnvironment.PRODUCTION, MERCHANT));
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Decision<DownloadedKey>>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<Decision<DownloadedKey>> call = () -> {
                    start.await();
                    return lifecycle.downloadOnce(merchant, requested.keyVersion(), MERCHANT).await()
                            .atMost(Duration.ofSeconds(20));
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Decision<DownloadedKey>> result : results) {
                if (result.get().isAccepted()) {
                    accepted++;
                }
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(countAudit(merchant, "DOWNLOAD_KEY", "REFUSED")).isEqualTo(callers - 1);
    }

    @Test
    void overlapOutOfRangeIsRefusedAndAudited() {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        SealKeyVersion requested = accepted(lifecycle.requestNewKey(merchant, KeyEnvironment.TEST, MERCHANT));
        accepted(lifecycle.downloadOnce(merchant, requested.keyVersion(), MERCHANT));
        assertThat(refusal(lifecycle.activate(merchant, requested.keyVersion(), Duration.ofMinutes(5), MERCHANT)))
                .isEqualTo(RefusalReason.OVERLAP_OUT_OF_RANGE);
        assertThat(refusal(lifecycle.activate(merchant, requested.keyVersion(), Duration.ofDays(60), MERCHANT)))
                .isEqualTo(RefusalReason.OVERLAP_OUT_OF_RANGE);
        assertThat(lifecycle.listKeys(merchant).await().indefinitely().getFirst().status())
                .isEqualTo(KeyStatus.REQUESTED);
        assertThat(countAudit(merchant, "ACTIVATE_KEY", "REFUSED")).isEqualTo(2);
    }

    @Test
    void rotateByStaffActivatesANewVersionTheMerchantThenDownloadsOnce() {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        SealKeyVersion v1 = activeKey(merchant, KeyEnvironment.TEST);
        SealKeyVersion v2 = accepted(lifecycle.rotate(merchant, KeyEnvironment.TEST, null, SUPPORT));
        assertThat(v2.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(v2.downloadedAt()).isEmpty();
        List<SealKeyVersion> listed = lifecycle.listKeys(merchant).await().indefinitely();
        assertThat(listed.getFirst().status()).isEqualTo(KeyStatus.DEPRECATED);
        assertThat(listed.getFirst().keyVersion()).isEqualTo(v1.keyVersion());
        assertThat(accepted(lifecycle.downloadOnce(merchant, v2.keyVersion(), MERCHANT)).secret().reveal()).isNotBlank();
        assertThat(refusal(lifecycle.downloadOnce(merchant, v2.keyVersion(), MERCHANT)))
                .isEqualTo(RefusalReason.ALREADY_DOWNLOADED);
    }

    @Test
    void lastActiveKeyIsNotDeactivatedAndDestructionWipesTheMaterial() {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        SealKeyVersion v1 = activeKey(merchant, KeyEnvironment.TEST);
        assertThat(refusal(lifecycle.deactivate(merchant, v1.keyVersion(), SUPPORT)))
                .isEqualTo(RefusalReason.LAST_ACTIVE_KEY);
        assertThat(refusal(lifecycle.destroy(merchant, v1.keyVersion(), SUPPORT))).isEqualTo(RefusalReason.WRONG_STATUS);

        accepted(lifecycle.rotate(merchant, KeyEnvironment.TEST, null, SUPPORT));
        assertThat(accepted(lifecycle.deactivate(merchant, v1.keyVersion(), SUPPORT)).status())
                .isEqualTo(KeyStatus.DEACTIVATED);
        SealKeyVersion destroyed = accepted(lifecycle.destroy(merchant, v1.keyVersion(), SUPPORT));
        assertThat(destroyed.status()).isEqualTo(KeyStatus.DESTROYED);

        Row row = rawRow(merchant, 1);
        assertThat(row.getBuffer("wrapped_data_key")).isNull();
        assertThat(row.getBuffer("encrypted_secret")).isNull();
        assertThat(row.getOffsetDateTime("destroyed_at")).isNotNull();
        assertThat(row.getOffsetDateTime("deactivated_at")).isNotNull();
        assertThat(keys.findForVerification(v1.id()).await().indefinitely())
                .isInstanceOfSatisfying(KeyLookup.NoLongerUsable.class,
                        g -> assertThat(g.lifecycle().status()).isEqualTo(KeyStatus.DESTROYED));
        assertThat(eventTypes(merchant)).contains("org.caisse.key.deactivated.v1", "org.caisse.key.destroyed.v1");
    }

    @Test
    void emergencyRevocationNeedsASecondCustodianAndTakesEvenTheLastActiveKey() {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        SealKeyVersion v1 = activeKey(merchant, KeyEnvironment.PRODUCTION);
        RevocationApproval pending = accepted(revocation.requestRevocation(merchant, v1.keyVersion(), ALICE,
                "key found in a public repository"));
        assertThat(pending.status()).isEqualTo(RevocationApproval.Status.PENDING);

        assertThat(refusal(revocation.approveRevocation(pending.id(), new Actor("Alice@caisse.example",
                ActorRole.CUSTODIAN, "198.51.100.7")))).isEqualTo(RefusalReason.SAME_CUSTODIAN);
        assertThat(lifecycle.listKeys(merchant).await().indefinitely().getFirst().status()).isEqualTo(KeyStatus.ACTIVE);

        SealKeyVersion revoked = accepted(revocation.approveRevocation(pending.id(), BOB));
        assertThat(revoked.status()).isEqualTo(KeyStatus.DEACTIVATED);
        assertThat(refusal(revocation.approveRevocation(pending.id(), BOB)))
                .isEqualTo(RefusalReason.APPROVAL_NOT_PENDING);
        assertThat(refusal(revocation.approveRevocation(java.util.UUID.randomUUID(), BOB)))
                .isEqualTo(RefusalReason.UNKNOWN_APPROVAL);
        assertThat(countAudit(merchant, "APPROVE_REVOCATION", "REFUSED")).isEqualTo(2);
        assertThat(countAudit(merchant, "APPROVE_REVOCATION", "ACCEPTED")).isEqualTo(1);
    }

    @Test
    void expiredRevocationRequestIsRefused() {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        SealKeyVersion v1 = activeKey(merchant, KeyEnvironment.TEST);
        RevocationApproval pending = accepted(revocation.requestRevocation(merchant, v1.keyVersion(), ALICE, "lost"));
        pool.preparedQuery("UPDATE key_revocation_approval SET expires_at = now() - interval '1 second' WHERE id = $1")
                .execute(Tuple.of(pending.id())).await().indefinitely();
        assertThat(refusal(revocation.approveRevocation(pending.id(), BOB))).isEqualTo(RefusalReason.APPROVAL_EXPIRED);
        assertThat(lifecycle.listKeys(merchant).await().indefinitely().getFirst().status()).isEqualTo(KeyStatus.ACTIVE);
    }

    @Test
    void aRequestedKeyCopiedToAnotherVersionFailsToDecryptAndTheDownloadIsRolledBack() {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        accepted(lifecycle.requestNewKey(merchant, KeyEnvironment.TEST, MERCHANT));
        accepted(lifecycle.requestNewKey(merchant, KeyEnvironment.TEST, MERCHANT));
        // version 2's row gets version 1's material
        pool.preparedQuery("""
                        UPDATE merchant_secret_key t SET wrapped_data_key = s.wrapped_data_key,
                               encrypted_secret = s.encrypted_secret
                          FROM merchant_secret_key s
                         WHERE t.merchant_id = $1 AND t.key_version = 2 AND s.merchant_id = $1 AND s.key_version = 1""")
                .execute(Tuple.of(merchant.value())).await().indefinitely();
        assertThatThrownBy(() -> lifecycle.downloadOnce(merchant, KeyVersion.of(2), MERCHANT).await().indefinitely())
                .isInstanceOf(KeyMaterialIntegrityException.class);
        assertThat(rawRow(merchant, 2).getOffsetDateTime("downloaded_at")).as("claim rolled back").isNull();
        assertThat(accepted(lifecycle.downloadOnce(merchant, KeyVersion.of(1), MERCHANT)).secret().reveal())
                .isNotBlank();
    }

    @Test
    void fetchApiRefusesATestKeyForProductionAndHidesRequestedKeys() {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        SealKeyVersion v1 = activeKey(merchant, KeyEnvironment.TEST);
        accepted(lifecycle.requestNewKey(merchant, KeyEnvironment.TEST, MERCHANT));
        String path = "/internal/v1/merchants/{m}/keys/{v}";

        given().auth().oauth2(ServiceTokens.fromPaymentPage()).queryParam("environment", "PRODUCTION")
                .when().get(path, merchant.value(), 1)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:caisse:problem:key-environment-mismatch"))
                .body("keyEnvironment", equalTo("TEST")).body("secretKey", equalTo(null));
        given().auth().oauth2(ServiceTokens.fromPaymentPage()).queryParam("environment", "TEST")
                .when().get(path, merchant.value(), 1).then().statusCode(200).body("environment", equalTo("TEST"));
        given().auth().oauth2(ServiceTokens.fromPaymentPage()).queryParam("environment", "STAGING")
                .when().get(path, merchant.value(), 1).then().statusCode(400).body("field", equalTo("environment"));
        given().auth().oauth2(ServiceTokens.fromPaymentPage())
                .when().get(path, merchant.value(), 2)
                .then().statusCode(404).body("type", equalTo("urn:caisse:problem:key-not-active"))
                .body("keyStatus", equalTo("REQUESTED"));

        assertThat(rawRow(merchant, v1.keyVersion().value()).getOffsetDateTime("last_used_at"))
                .as("fetch records its use").isNotNull();
    }

    @Test
    void auditPagesAreNewestFirstAndFilterable() {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        for (int i = 0; i < 3; i++) {
            accepted(lifecycle.requestNewKey(merchant, KeyEnvironment.TEST, MERCHANT));
        }
        AuditPage first = audit.audit(java.util.Optional.of(merchant), 0, 2).await().indefinitely();
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.entries()).hasSize(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.entries().getFirst().keyVersion()).contains(KeyVersion.of(3));
        AuditPage all = audit.audit(java.util.Optional.empty(), 0, 500).await().indefinitely();
        assertThat(all.size()).isEqualTo(KeyAuditService.MAX_PAGE_SIZE);
        assertThat(all.total()).isGreaterThanOrEqualTo(3);
    }

    // --- helpers

    SealKeyVersion activeKey(MerchantId merchant, KeyEnvironment environment) {
        SealKeyVersion requested = accepted(lifecycle.requestNewKey(merchant, environment, MERCHANT));
        accepted(lifecycle.downloadOnce(merchant, requested.keyVersion(), MERCHANT));
        return accepted(lifecycle.activate(merchant, requested.keyVersion(), null, MERCHANT));
    }

    static <T> T accepted(Uni<Decision<T>> call) {
        Decision<T> decision = call.await().atMost(Duration.ofSeconds(20));
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<T>) decision).value();
    }

    static RefusalReason refusal(Uni<? extends Decision<?>> call) {
        Decision<?> decision = call.await().atMost(Duration.ofSeconds(20));
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused<?>) decision).reason();
    }

    List<String> eventTypes(MerchantId merchant) {
        List<String> types = new ArrayList<>();
        pool.preparedQuery("SELECT event_type FROM key_event_outbox WHERE merchant_id = $1 ORDER BY created_at, event_type DESC")
                .execute(Tuple.of(merchant.value())).await().indefinitely()
                .forEach(r -> types.add(r.getString("event_type")));
        return types;
    }

    List<String> outboxPayloads(MerchantId merchant) {
        List<String> payloads = new ArrayList<>();
        pool.preparedQuery("SELECT payload FROM key_event_outbox WHERE merchant_id = $1")
                .execute(Tuple.of(merchant.value())).await().indefinitely()
                .forEach(r -> payloads.add(new String(r.getBuffer("payload").getBytes(), StandardCharsets.UTF_8)));
        return payloads;
    }

    long countAudit(MerchantId merchant, String action, String outcome) {
        return pool.preparedQuery("SELECT count(*) AS n FROM key_audit_log WHERE merchant_id = $1 AND action = $2 "
                        + "AND outcome = $3")
                .execute(Tuple.of(merchant.value(), action, outcome)).await().indefinitely()
                .iterator().next().getLong("n");
    }

    Row rawRow(MerchantId merchant, int version) {
        return pool.preparedQuery("SELECT * FROM merchant_secret_key WHERE merchant_id = $1 AND key_version = $2")
                .execute(Tuple.of(merchant.value(), version)).await().indefinitely().iterator().next();
    }

    static Instant utcNow() {
        return Instant.now().atOffset(ZoneOffset.UTC).toInstant();
    }
}
