package org.caisse.batch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service boots against the real PostgreSQL and Kafka: health, migration, OpenAPI, metrics. */
@QuarkusTest
class BootTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Pool pool;

    @Test
    void readinessIsUpAndChecksTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void migrationCreatedTheBatchFileTableWithItsColumns() {
        List<String> columns = new ArrayList<>();
        pool.query("""
                        SELECT column_name FROM information_schema.columns
                         WHERE table_schema = current_schema() AND table_name = 'batch_file'
                         ORDER BY ordinal_position""")
                .execute().await().indefinitely()
                .forEach(row -> columns.add(row.getString("column_name")));
        assertThat(columns).containsExactly("id", "merchant_id", "file_reference", "file_name", "status",
                "received_at", "record_count");

        Row history = pool.query("SELECT version, success FROM flyway_schema_history WHERE version = '1'")
                .execute().await().indefinitely().iterator().next();
        assertThat(history.getBoolean("success")).isTrue();
    }

    @Test
    void fileReferenceIsUniquePerMerchantButMayRepeatAcrossMerchants() {
        String merchant = freshMerchantId();
        String otherMerchant = freshMerchantId();
        String reference = "REF" + Long.toUnsignedString(RANDOM.nextLong(), 36);

        insert(merchant, reference);
        insert(otherMerchant, reference);
        assertThatThrownBy(() -> insert(merchant, reference))
                .hasMessageContaining("batch_file_merchant_file_reference_uk");

        long count = pool.preparedQuery("SELECT count(*) AS n FROM batch_file WHERE file_reference = $1")
                .execute(Tuple.of(reference)).await().indefinitely().iterator().next().getLong("n");
        assertThat(count).isEqualTo(2);
    }

    @Test
    void malformedMerchantIdIsRefusedByTheTable() {
        assertThatThrownBy(() -> insert("12345", "REF1"))
                .hasMessageContaining("batch_file_merchant_id_format");
    }

    @Test
    void openApiAndMetricsAreServed() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    private void insert(String merchantId, String fileReference) {
        pool.preparedQuery("""
                        INSERT INTO batch_file (id, merchant_id, file_reference, file_name, status, received_at,
                                                record_count)
                        VALUES ($1, $2, $3, $4, 'RECEIVED', $5, NULL)""")
                .execute(Tuple.of(UUID.randomUUID(), merchantId, fileReference,
                        "OFBREQ_" + merchantId + "_" + fileReference + ".csv",
                        OffsetDateTime.now(ZoneOffset.UTC)))
                .await().indefinitely();
    }

    private static String freshMerchantId() {
        StringBuilder id = new StringBuilder("9");
        for (int i = 0; i < 14; i++) {
            id.append(RANDOM.nextInt(10));
        }
        return id.toString();
    }
}
