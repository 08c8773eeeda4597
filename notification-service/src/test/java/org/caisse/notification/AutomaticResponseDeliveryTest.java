package org.caisse.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.caisse.notification.support.Eventually;
import org.caisse.notification.support.FakeMerchantSide;
import org.caisse.notification.support.FakeMerchantSideResource;
import org.caisse.notification.support.ServiceTokens;
import org.caisse.notification.support.TransactionEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path against the real PostgreSQL and Kafka: a transaction event on the test topic becomes a sealed
 * automatic response POSTed to the merchant (played by {@link FakeMerchantSide}, which also plays the key service).
 */
@QuarkusTest
@QuarkusTestResource(value = FakeMerchantSideResource.class, restrictToAnnotatedClass = false)
class AutomaticResponseDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static FakeMerchantSide merchantSide;
    private static TransactionEvents events;

    @BeforeAll
    static void start() {
        merchantSide = FakeMerchantSide.instance();
        events = new TransactionEvents();
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @Test
    void authorizedEventWithHmacIsPostedOnceWithASealThatVerifiesAndOnlyTheMaskedPan() {
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        String receiver = "hmac-" + reference;
        Map<String, Object> snapshot = TransactionEvents.snapshot(merchantId, reference, "00",
                TransactionEvents.notification(merchantSide.receiverUrl(receiver), 2, "HMAC-SHA-256", null,
                        "HP_2.31"));
        snapshot.put("cardNumber", "4100000000000005"); // never in a snapshot; proves only §2a keys leave
        events.publish(TransactionEvents.AUTHORIZED, snapshot);

        Eventually.await("the automatic response", WAIT, () -> merchantSide.received(receiver).size() == 1);
        Map<String, String> form = merchantSide.received(receiver).get(0);
        String data = form.get("Data");
        assertThat(form.get("Seal")).isEqualTo(hmacSha256(FakeMerchantSide.secretKeyOf(merchantId, 2), data));
        assertThat(form.get("InterfaceVersion")).isEqualTo("HP_2.31");
        assertThat(form.get("Encode")).isEmpty();
        Map<String, String> fields = parseData(data);
        assertThat(fields).containsEntry("merchantId", merchantId)
                .containsEntry("transactionReference", reference)
                .containsEntry("keyVersion", "2")
                .containsEntry("amount", "1050")
                .containsEntry("responseCode", "00")
                .containsEntry("maskedPan", "4100##########05");
        assertThat(data).doesNotContain("4100000000000005", "cardNumber", "notification", "lastOperation");
        fields.forEach((name, value) -> {
            if (!name.equals("merchantId")) {
                assertThat(value).as(name).doesNotContainPattern("[0-9]{12,}");
            }
        });

        Eventually.await("the delivery recorded as delivered", WAIT,
                () -> "DELIVERED".equals(onlyDelivery(merchantId, reference).getString("status")));
        JsonPath delivery = onlyDelivery(merchantId, reference);
        assertThat(delivery.getInt("attempts")).isEqualTo(1);
        assertThat(delivery.getString("deliveredAt")).isNotNull();
        assertThat(delivery.getString("nextAttemptAt")).isNull();
        assertThat(delivery.getString("channel")).isEqualTo("AUTOMATIC_RESPONSE");
        assertThat(delivery.getString("endpoint")).isEqualTo(merchantSide.receiverUrl(receiver));
        assertThat(delivery.prettify()).doesNotContain("Seal", "Data", form.get("Seal"));

        sleep(Duration.ofSeconds(3));
        assertThat(merchantSide.received(receiver)).as("a delivered response is never sent again").hasSize(1);
    }

    @Test
    void keyIsFetchedWithAServiceJwtForKeyManagement() {
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        String receiver = "jwt-" + reference;
        events.publish(TransactionEvents.AUTHORIZED, TransactionEvents.snapshot(merchantId, reference, "00",
                TransactionEvents.notification(merchantSide.receiverUrl(receiver), 1, "HMAC-SHA-256", null, null)));

        Eventually.await("the automatic response", WAIT, () -> merchantSide.received(receiver).size() == 1);
        assertThat(merchantSide.keyRequestTokens()).isNotEmpty();
        String claims = FakeMerchantSide.claimsOf(merchantSide.keyRequestTokens().get(0));
        assertThat(claims).contains("\"aud\":\"key-management-service\"", "\"sub\":\"notification-service\"",
                "\"iss\":\"caisse\"", "service");
        assertThat(merchantSide.received(receiver).get(0).get("InterfaceVersion"))
                .as("default interface version when the snapshot names none").isEqualTo("HP_2.24");
    }

    @Test
    void refusedEventWithoutSealAlgorithmIsSealedWithLegacySha256() {
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        String receiver = "sha-" + reference;
        events.publish(TransactionEvents.REFUSED, TransactionEvents.snapshot(merchantId, reference, "05",
                TransactionEvents.notification(merchantSide.receiverUrl(receiver), 1, null, null, "HP_2.24")));

        Eventually.await("the automatic response", WAIT, () -> merchantSide.received(receiver).size() == 1);
        Map<String, String> form = merchantSide.received(receiver).get(0);
        String data = form.get("Data");
        assertThat(form.get("Seal")).isEqualTo(sha256(data + FakeMerchantSide.secretKeyOf(merchantId, 1)));
        assertThat(parseData(data)).containsEntry("responseCode", "05")
                .containsEntry("maskedPan", "4100##########05");
    }

    @Test
    void base64ResponseEncodingSendsBase64DataSealedAsSent() {
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        String receiver = "b64-" + reference;
        events.publish(TransactionEvents.AUTHORIZED, TransactionEvents.snapshot(merchantId, reference, "00",
                TransactionEvents.notification(merchantSide.receiverUrl(receiver), 1, "HMAC-SHA-256", "base64",
                        "HP_2.24")));

        Eventually.await("the automatic response", WAIT, () -> merchantSide.received(receiver).size() == 1);
        Map<String, String> form = merchantSide.received(receiver).get(0);
        String sent = form.get("Data");
        assertThat(form.get("Encode")).isEqualTo("base64");
        assertThat(form.get("Seal")).isEqualTo(hmacSha256(FakeMerchantSide.secretKeyOf(merchantId, 1), sent));
        String decoded = new String(Base64.getDecoder().decode(sent), StandardCharsets.UTF_8);
        assertThat(parseData(decoded)).containsEntry("transactionReference", reference)
                .containsEntry("responseCode", "00");
    }

    @Test
    void theSameEventPublishedTwiceGivesOneDelivery() {
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        String receiver = "dup-" + reference;
        Map<String, Object> snapshot = TransactionEvents.snapshot(merchantId, reference, "00",
                TransactionEvents.notification(merchantSide.receiverUrl(receiver), 1, "HMAC-SHA-256", null, null));
        String eventId = UUID.randomUUID().toString();
        events.publish(eventId, TransactionEvents.AUTHORIZED, snapshot);
        Eventually.await("the first delivery", WAIT, () -> merchantSide.received(receiver).size() == 1);
        events.publish(eventId, TransactionEvents.AUTHORIZED, snapshot);
        // A later event with the same key lands on the same partition, so it is consumed after the duplicate.
        String markerReceiver = publishMarkerFor(merchantId, reference);

        Eventually.await("the marker delivery", WAIT, () -> merchantSide.received(markerReceiver).size() == 1);
        sleep(Duration.ofSeconds(1));
        assertThat(merchantSide.received(receiver)).hasSize(1);
        assertThat(deliveries(merchantId, reference).getList("deliveries")).hasSize(2); // the event + the marker
        assertThat(deliveries(merchantId, reference).getList("deliveries.eventId")).containsOnlyOnce(eventId);
    }

    @Test
    void aResponseRefusedOnceIsDeliveredOnRetry() {
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        String receiver = "retry-" + reference;
        merchantSide.answer(receiver, 500);
        events.publish(TransactionEvents.AUTHORIZED, TransactionEvents.snapshot(merchantId, reference, "00",
                TransactionEvents.notification(merchantSide.receiverUrl(receiver), 1, "HMAC-SHA-256", null, null)));

        Eventually.await("the retried delivery", WAIT,
                () -> "DELIVERED".equals(onlyDelivery(merchantId, reference).getString("status")));
        assertThat(merchantSide.received(receiver)).hasSize(2);
        assertThat(merchantSide.received(receiver).get(1)).isEqualTo(merchantSide.received(receiver).get(0));
        JsonPath delivery = onlyDelivery(merchantId, reference);
        assertThat(delivery.getInt("attempts")).isEqualTo(2);
        assertThat(delivery.getString("lastError")).isEqualTo("HTTP 500");
    }

    @Test
    void aReceiverThatAlwaysFailsEndsFailedAfterTheLadderAndTheRowIsKept() {
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        String receiver = "down-" + reference;
        merchantSide.alwaysFail(receiver);
        events.publish(TransactionEvents.AUTHORIZED, TransactionEvents.snapshot(merchantId, reference, "00",
                TransactionEvents.notification(merchantSide.receiverUrl(receiver), 1, "HMAC-SHA-256", null, null)));

        Eventually.await("the delivery to fail for good", WAIT,
                () -> "FAILED".equals(onlyDelivery(merchantId, reference).getString("status")));
        JsonPath delivery = onlyDelivery(merchantId, reference);
        assertThat(delivery.getInt("attempts")).as("ladder 1s,1s = 3 attempts").isEqualTo(3);
        assertThat(delivery.getString("lastError")).isEqualTo("HTTP 500");
        assertThat(delivery.getString("nextAttemptAt")).isNull();
        assertThat(merchantSide.received(receiver)).hasSize(3);

        sleep(Duration.ofSeconds(3));
        assertThat(merchantSide.received(receiver)).as("a failed delivery is not sent again").hasSize(3);
        assertThat(onlyDelivery(merchantId, reference).getString("status")).isEqualTo("FAILED");
    }

    @Test
    void anEventWithoutAutomaticResponseUrlGivesNoDelivery() {
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        events.publish(TransactionEvents.AUTHORIZED, TransactionEvents.snapshot(merchantId, reference, "00", null));
        Map<String, Object> noUrl = TransactionEvents.notification(null, 1, "HMAC-SHA-256", null, null);
        String otherReference = TransactionEvents.randomReference();
        events.publish(TransactionEvents.AUTHORIZED,
                TransactionEvents.snapshot(merchantId, otherReference, "00", noUrl));
        // A cancellation event is not an automatic-response event either, even with a URL.
        events.publish(TransactionEvents.CANCELLED, TransactionEvents.snapshot(merchantId, reference, "00",
                TransactionEvents.notification(merchantSide.receiverUrl("cancel-" + reference), 1, null, null, null)));
        String markerReceiver = publishMarkerFor(merchantId, reference);

        Eventually.await("the marker delivery", WAIT, () -> merchantSide.received(markerReceiver).size() == 1);
        assertThat(deliveries(merchantId, reference).getList("deliveries.endpoint"))
                .containsExactly(merchantSide.receiverUrl(markerReceiver));
        assertThat(deliveries(merchantId, otherReference).getList("deliveries")).isEmpty();
        assertThat(merchantSide.received("cancel-" + reference)).isEmpty();
    }

    @Test
    void malformedEventsAreSkippedAndTheConsumerKeepsWorking() {
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        String key = merchantId + ":" + reference;
        events.publishRaw(key, "not json at all".getBytes(StandardCharsets.UTF_8));
        events.publishRaw(key, "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8));
        events.publishRaw(key, new byte[0]);
        // A valid envelope whose snapshot lacks the transaction reference.
        Map<String, Object> incomplete = TransactionEvents.snapshot(merchantId, reference, "00",
                TransactionEvents.notification(merchantSide.receiverUrl("incomplete-" + reference), 1, null, null,
                        null));
        incomplete.remove("transactionReference");
        events.publishWithKey(key, UUID.randomUUID().toString(), TransactionEvents.AUTHORIZED, incomplete);
        String receiver = "after-malformed-" + reference;
        events.publish(TransactionEvents.AUTHORIZED, TransactionEvents.snapshot(merchantId, reference, "00",
                TransactionEvents.notification(merchantSide.receiverUrl(receiver), 1, "HMAC-SHA-256", null, null)));

        Eventually.await("the valid event after the malformed ones", WAIT,
                () -> merchantSide.received(receiver).size() == 1);
        assertThat(merchantSide.received("incomplete-" + reference)).isEmpty();
    }

    @Test
    void anEventWaitsWhileTheKeyServiceIsDownAndIsDeliveredWhenItIsBack() {
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        String receiver = "keysdown-" + reference;
        merchantSide.keyServiceDownFor(merchantId, 3);
        events.publish(TransactionEvents.AUTHORIZED, TransactionEvents.snapshot(merchantId, reference, "00",
                TransactionEvents.notification(merchantSide.receiverUrl(receiver), 1, "HMAC-SHA-256", null, null)));

        Eventually.await("the automatic response after the key service came back", WAIT,
                () -> merchantSide.received(receiver).size() == 1);
        Map<String, String> form = merchantSide.received(receiver).get(0);
        assertThat(form.get("Seal")).isEqualTo(hmacSha256(FakeMerchantSide.secretKeyOf(merchantId, 1),
                form.get("Data")));
    }

    @Test
    void anUnknownKeyVersionIsKeptAsAFailedDeliveryWithoutSendingAnything() {
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        String receiver = "nokey-" + reference;
        merchantSide.noKeysFor(merchantId);
        events.publish(TransactionEvents.AUTHORIZED, TransactionEvents.snapshot(merchantId, reference, "00",
                TransactionEvents.notification(merchantSide.receiverUrl(receiver), 7, "HMAC-SHA-256", null, null)));

        Eventually.await("the failed delivery", WAIT,
                () -> deliveries(merchantId, reference).getList("deliveries").size() == 1);
        JsonPath delivery = onlyDelivery(merchantId, reference);
        assertThat(delivery.getString("status")).isEqualTo("FAILED");
        assertThat(delivery.getInt("attempts")).isZero();
        assertThat(delivery.getString("lastError")).contains("key version 7");
        assertThat(merchantSide.received(receiver)).isEmpty();
    }

    // ---- helpers

    /** Publishes a valid event for the same Kafka key (same partition, so consumed after what came before). */
    private String publishMarkerFor(String merchantId, String reference) {
        String markerReceiver = "marker-" + UUID.randomUUID();
        events.publish(TransactionEvents.AUTHORIZED, TransactionEvents.snapshot(merchantId, reference, "00",
                TransactionEvents.notification(merchantSide.receiverUrl(markerReceiver), 1, "HMAC-SHA-256", null,
                        null)));
        return markerReceiver;
    }

    static JsonPath deliveries(String merchantId, String reference) {
        return given().auth().oauth2(ServiceTokens.forNotificationService())
                .queryParam("transactionReference", reference)
                .get("/internal/v1/merchants/{m}/deliveries", merchantId)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath onlyDelivery(String merchantId, String reference) {
        JsonPath all = deliveries(merchantId, reference);
        List<Object> list = all.getList("deliveries");
        if (list.size() != 1) {
            return new JsonPath("{\"status\":\"count " + list.size() + "\"}");
        }
        return new JsonPath(all.prettify()).setRootPath("deliveries[0]");
    }

    static Map<String, String> parseData(String data) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : data.split("\\|")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return fields;
    }

    static String hmacSha256(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
