package org.caisse.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The servers a {@code @QuarkusTest} talks to. By default (no {@code caisse.infra} system property) the local
 * servers of {@code deploy/local} are used and this resource changes nothing. With
 * {@code -Dcaisse.infra=containers} (the {@code containers} Maven profile) it starts PostgreSQL and Kafka with
 * Testcontainers and points the datasource and Kafka there, using the container's database and credentials.
 * <p>
 * Usage: {@code @QuarkusTestResource(value = CaisseInfrastructure.class, restrictToAnnotatedClass = false)} on one
 * test class of the module (or {@code @WithTestResource}); {@link ContainersAvailability} skips every test when the
 * profile is on but no Docker engine is reachable.
 */
public class CaisseInfrastructure implements QuarkusTestResourceLifecycleManager {

    static final String POSTGRES_IMAGE = "postgres:17-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:4.0.0";

    private Containers containers;

    @Override
    public Map<String, String> start() {
        if (!ContainersAvailability.containersRequested()) {
            return Map.of();
        }
        containers = new Containers();
        return containers.start();
    }

    @Override
    public void stop() {
        if (containers != null) {
            containers.stop();
            containers = null;
        }
    }

    /** Overrides for both the plain and the {@code %test} keys, so that profile-specific values are replaced too. */
    static Map<String, String> overrides(String host, int postgresPort, String database, String username,
                                         String password, String kafkaBootstrapServers) {
        Map<String, String> plain = new HashMap<>();
        plain.put("quarkus.datasource.reactive.url", "postgresql://" + host + ":" + postgresPort + "/" + database);
        plain.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + postgresPort + "/" + database);
        plain.put("quarkus.datasource.username", username);
        plain.put("quarkus.datasource.password", password);
        plain.put("kafka.bootstrap.servers", kafkaBootstrapServers);
        Map<String, String> all = new HashMap<>(plain);
        plain.forEach((key, value) -> all.put("%test." + key, value));
        return all;
    }

    /** Kept in its own class so that Testcontainers is loaded only when the profile asks for it. */
    private static final class Containers {
        private final org.testcontainers.postgresql.PostgreSQLContainer postgres =
                new org.testcontainers.postgresql.PostgreSQLContainer(POSTGRES_IMAGE);
        private final org.testcontainers.kafka.KafkaContainer kafka =
                new org.testcontainers.kafka.KafkaContainer(KAFKA_IMAGE);

        Map<String, String> start() {
            postgres.start();
            kafka.start();
            return overrides(postgres.getHost(), postgres.getMappedPort(5432), postgres.getDatabaseName(),
                    postgres.getUsername(), postgres.getPassword(), kafka.getBootstrapServers());
        }

        void stop() {
            kafka.stop();
            postgres.stop();
        }
    }
}
