package org.caisse.keymanagement.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caisse.keymanagement.application.KeyLifecycleServiceTest.MERCHANT;
import static org.caisse.keymanagement.application.KeyLifecycleServiceTest.SUPPORT;
import static org.caisse.keymanagement.application.KeyLifecycleServiceTest.accepted;
import static org.caisse.keymanagement.application.KeyLifecycleServiceTest.refusal;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.keymanagement.adapter.out.crypto.FileKeyEncryptionKeyProvider;
import org.caisse.keymanagement.adapter.out.crypto.TinkCsePrivateKeyEnvelope;
import org.caisse.keymanagement.adapter.out.crypto.TinkSecretKeyEnvelope;
import org.caisse.keymanagement.application.port.out.EncryptedSecret;
import org.caisse.keymanagement.application.port.out.KeyCustodyStore;
import org.caisse.keymanagement.config.KeyEncryptionKeyConfig;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.cse.CsePublicKey;
import org.caisse.keymanagement.domain.custody.Actor;
import org.caisse.keymanagement.domain.custody.ActorRole;
import org.caisse.keymanagement.domain.custody.RefusalReason;
import org.caisse.keymanagement.domain.custody.SealKeyVersion;
import org.caisse.keymanagement.support.TestKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outbox → Kafka, append-only audit, KEK rewrap, CSE rotation and deprecated-key warnings on the real servers. */
@QuarkusTest
class KeyCustodyInfrastructureTest {

    @Inject
    KeyLifecycleService lifecycle;
    @Inject
    CseKeyLifecycleService cse;
    @Inject
    CseKeyService cseKeys;
    @Inject
    DeprecatedKeyUsageMonitor monitor;
    @Inject
    MerchantKeyService keys;
    @Inject
    KeyCustodyStore store;
    @Inject
    KeyEncryptionKeyConfig kekConfig;
    @Inject
    Pool pool;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "caisse.topics.keys")
    String topic;

    @TempDir
    Path folder;

    @Test
    void keyEventsReachKafkaKeyedByMerchantWithoutKeyMaterial() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
            SealKeyVersion requested = accepted(lifecycle.requestNewKey(merchant, KeyEnvironment.TEST, MERCHANT));
            String secret = accepted(lifecycle.downloadOnce(merchant, requested.keyVersion(), MERCHANT))
                    .secret().reveal();

            List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (mine.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (merchant.value().equals(r.key())) {
                        mine.add(r);
                    }
                });
            }
            assertThat(mine).hasSize(1);
            EventEnvelope event = EventEnvelopeCodec.fromJson(mine.getFirst().value());
            assertThat(event.type()).isEqualTo("org.caisse.key.requested.v1");
            assertThat(event.source()).isEqualTo("/caisse/key-management-service");
            assertThat(event.subject()).isEqualTo(merchant.value());
            assertThat(event.data()).containsEntry("merchantId", merchant.value()).containsEntry("status", "REQUESTED");
            assertThat(new String(mine.getFirst().value(), StandardCharsets.UTF_8)).doesNotContain(secret);
            assertThat(pool.preparedQuery("SELECT published_at FROM key_event_outbox WHERE id = $1")
                    .execute(Tuple.of(UUID.fromString(event.id()))).await().indefinitely().iterator().next()
                    .getOffsetDateTime("published_at")).isNotNull();
        }
    }

    @Test
    void theAuditLogRefusesUpdateDeleteAndTruncate() {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        accepted(lifecycle.requestNewKey(merchant, KeyEnvironment.TEST, MERCHANT));
        Tuple byMerchant = Tuple.of(merchant.value());
        assertThatThrownBy(() -> pool.preparedQuery("UPDATE key_audit_log SET outcome = 'REFUSED' WHERE merchant_id = $1")
                .execute(byMerchant).await().indefinitely()).hasMessageContaining("key_audit_log");
        assertThatThrownBy(() -> pool.preparedQuery("DELETE FROM key_audit_log WHERE merchant_id = $1")
                .execute(byMerchant).await().indefinitely()).hasMessageContaining("key_audit_log");
        assertThatThrownBy(() -> pool.query("TRUNCATE key_audit_log").execute().await().indefinitely())
                .hasMessageContaining("key_audit_log");
        assertThat(pool.preparedQuery("SELECT count(*) AS n FROM key_audit_log WHERE merchant_id = $1")
                .execute(byMerchant).await().indefinitely().iterator().next().getLong("n")).isEqualTo(1);
    }

    @Test
    void kekRewrapMovesEveryRowToTheNewKekWhichAloneThenDecrypts() throws Exception {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        SealKeyVersion requested = accepted(lifecycle.requestNewKey(merchant, KeyEnvironment.TEST, MERCHANT));
        accepted(cse.rotateCse(merchant, null, SUPPORT));
        byte[] encryptedBefore = rawSeal(merchant, "encrypted_secret");

        Path oldKek = kekConfig.file();
        Path newKek = folder.resolve("next.kek");
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        Files.writeString(newKek, Base64.getEncoder().encodeToString(raw));
        Actor operator = new Actor("office-server-service", ActorRole.OPERATOR, "service:office-server-service");

        FileKeyEncryptionKeyProvider both = new FileKeyEncryptionKeyProvider(newKek, List.of(oldKek));
        KekRewrapService rewrapToNew = new KekRewrapService(store, both, new TinkSecretKeyEnvelope(both),
                new TinkCsePrivateKeyEnvelope(both), Clock.systemUTC());
        FileKeyEncryptionKeyProvider backBoth = new FileKeyEncryptionKeyProvider(oldKek, List.of(newKek));
        KekRewrapService rewrapBack = new KekRewrapService(store, backBoth, new TinkSecretKeyEnvelope(backBoth),
                new TinkCsePrivateKeyEnvelope(backBoth), Clock.systemUTC());
        try {
            KekRewrapService.RewrapReport report = rewrapToNew.rewrapAll(operator).await().indefinitely();
            assertThat(report.sealKeys()).isPositive();
            assertThat(report.cseKeys()).isPositive();
            assertThat(rawSeal(merchant, "encrypted_secret")).as("secret ciphertext untouched").isEqualTo(encryptedBefore);
            assertThat(report.unreadable()).doesNotContain(requested.id().bindingLabel());
            assertThat(rewrapToNew.rewrapAll(operator).await().indefinitely().sealKeys()).as("idempotent").isZero();

            // the old KEK file is gone: only the new one is loaded, and it opens the row
            FileKeyEncryptionKeyProvider onlyNew = new FileKeyEncryptionKeyProvider(newKek);
            EncryptedSecret stored = new EncryptedSecret(rawSealText(merchant, "kek_id"),
                    rawSeal(merchant, "wrapped_data_key"), rawSeal(merchant, "encrypted_secret"));
            assertThat(stored.kekId()).isEqualTo(onlyNew.currentKekId());
            assertThat(new TinkSecretKeyEnvelope(onlyNew).open(requested.id(), stored).reveal()).hasSize(43);
            // and the old KEK alone no longer does
            FileKeyEncryptionKeyProvider onlyOld = new FileKeyEncryptionKeyProvider(oldKek);
            assertThatThrownBy(() -> new TinkSecretKeyEnvelope(onlyOld).open(requested.id(), stored))
                    .isInstanceOf(KeyMaterialIntegrityException.class);
        } finally {
            rewrapBack.rewrapAll(operator).await().indefinitely();
        }
        assertThat(accepted(lifecycle.downloadOnce(merchant, requested.keyVersion(), MERCHANT)).secret().reveal())
                .hasSize(43);
    }

    @Test
    void cseRotationDeprecatesThePreviousPairAndOffersOnlyTheNewOne() {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        CsePublicKey first = accepted(cse.rotateCse(merchant, null, SUPPORT));
        CsePublicKey second = accepted(cse.rotateCse(merchant, Duration.ofDays(2), SUPPORT));
        assertThat(refusal(cse.rotateCse(merchant, Duration.ofHours(1), SUPPORT)))
                .isEqualTo(RefusalReason.OVERLAP_OUT_OF_RANGE);

        List<CseKeyView> listed = cse.listCseKeys(merchant).await().indefinitely();
        assertThat(listed).hasSize(2);
        CseKeyView old = listed.stream().filter(k -> k.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(old.lifecycle().status()).isEqualTo(KeyStatus.DEPRECATED);
        assertThat(old.lifecycle().notAfter()).isPresent();
        assertThat(cseKeys.keysOfferedForEncryption(merchant).await().indefinitely())
                .extracting(CsePublicKey::id).containsExactly(second.id());
        assertThat(cseKeys.findForDecryption(first.id()).await().indefinitely())
                .isInstanceOf(org.caisse.keymanagement.domain.cse.CseKeyLookup.Usable.class);
        assertThat(pool.preparedQuery("SELECT count(*) AS n FROM key_event_outbox WHERE merchant_id = $1 "
                        + "AND event_type = 'org.caisse.key.cse-rotated.v1'")
                .execute(Tuple.of(merchant.value())).await().indefinitely().iterator().next().getLong("n"))
                .isEqualTo(2);
    }

    @Test
    void aDeprecatedVersionStillFetchedNearItsDeadlineIsFlaggedOnce() {
        MerchantId merchant = MerchantId.of(TestKeys.freshMerchantId());
        SealKeyVersion v1 = accepted(lifecycle.requestNewKey(merchant, KeyEnvironment.TEST, MERCHANT));
        accepted(lifecycle.downloadOnce(merchant, v1.keyVersion(), MERCHANT));
        accepted(lifecycle.activate(merchant, v1.keyVersion(), null, MERCHANT));
        accepted(lifecycle.rotate(merchant, KeyEnvironment.TEST, Duration.ofHours(2), SUPPORT));
        MerchantKeyId id = v1.id();
        // a service fetches the deprecated version (2 h before its notAfter, inside the 6 h window)
        assertThat(keys.findForVerification(id).await().indefinitely())
                .isInstanceOf(org.caisse.keymanagement.domain.KeyLookup.Usable.class);

        List<SealKeyVersion> flagged = monitor.check().await().indefinitely();
        assertThat(flagged).extracting(SealKeyVersion::id).contains(id);
        assertThat(monitor.flaggedVersions()).isPositive();
        monitor.check().await().indefinitely();
        assertThat(pool.preparedQuery("SELECT count(*) AS n FROM key_event_outbox WHERE merchant_id = $1 "
                        + "AND event_type = 'org.caisse.key.deprecated-key-in-use.v1'")
                .execute(Tuple.of(merchant.value())).await().indefinitely().iterator().next().getLong("n"))
                .as("one warning event per version").isEqualTo(1);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "key-events-test-" + UUID.randomUUID());
        // from the start: on a fresh Kafka the topic appears with the first event, before this consumer's group has
        // its partitions; the merchant is fresh, so its records are this test's only
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    private byte[] rawSeal(MerchantId merchant, String column) {
        return pool.preparedQuery("SELECT " + column + " FROM merchant_secret_key WHERE merchant_id = $1")
                .execute(Tuple.of(merchant.value())).await().indefinitely().iterator().next().getBuffer(column)
                .getBytes();
    }

    private String rawSealText(MerchantId merchant, String column) {
        return pool.preparedQuery("SELECT " + column + " FROM merchant_secret_key WHERE merchant_id = $1")
                .execute(Tuple.of(merchant.value())).await().indefinitely().iterator().next().getString(column);
    }
}
