package org.caisse.common.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The PostgreSQL and Kafka a service's {@code @QuarkusTest} classes talk to. By default (no {@code caisse.infra}
 * system property, or {@code local}) the servers of {@code deploy/local} are used and nothing is overridden. With
 * {@code -Dcaisse.infra=containers} (the {@code containers} Maven profile) it starts PostgreSQL and Kafka with
 * Testcontainers and points the datasource (reactive and JDBC URLs, username, password) and
 * {@code kafka.bootstrap.servers} there; Flyway then creates the schema in the container's database.
 * <p>
 * This class deliberately uses no Quarkus type. Each service binds it to Quarkus with a one-line subclass in its
 * own test sources:
 * <pre>{@code
 * @QuarkusTestResource(TestInfrastructure.class) // global: every @QuarkusTest of the module
 * public class TestInfrastructure extends CaisseInfrastructure implements QuarkusTestResourceLifecycleManager {
 * }
 * }</pre>
 * Why not implement {@code QuarkusTestResourceLifecycleManager} here: Quarkus resolves this test-jar from the
 * workspace folder {@code common/target/test-classes} when it exists, while Maven puts the installed jar on the
 * test class path. Whenever that folder lacks this class (common being recompiled, a failed or partial build),
 * Quarkus's class loader falls back to the application class loader, and a class implementing the application
 * loader's copy of the interface fails Quarkus's cast with a {@code ClassCastException}. The subclass lives in the
 * service's own test classes, so it always implements Quarkus's copy, and it inherits {@link #start()} and
 * {@link #stop()}, whose signatures use only JDK types, whichever loader this class comes from.
 */
public class CaisseInfrastructure {

    /** System property overriding the PostgreSQL image (default {@value #POSTGRES_IMAGE}). */
    public static final String POSTGRES_IMAGE_PROPERTY = "caisse.containers.postgres-image";
    /** System property overriding the Kafka image (default {@value #KAFKA_IMAGE}). */
    public static final String KAFKA_IMAGE_PROPERTY = "caisse.containers.kafka-image";

    /** The PostgreSQL major version of {@code deploy/local}. */
    static final String POSTGRES_IMAGE = "postgres:15-alpine";
    /** Apache Kafka, one KRaft node like {@code deploy/local} (which runs 4.4.0). */
    static final String KAFKA_IMAGE = "apache/kafka:4.0.0";

    private static final System.Logger LOG = System.getLogger(CaisseInfrastructure.class.getName());

    private Containers containers;

    /** The configuration overrides for the application under test (empty for the local servers). */
    public Map<String, String> start() {
        if (!ContainersAvailability.containersRequested()) {
            LOG.log(System.Logger.Level.INFO, "Test infrastructure: the deploy/local PostgreSQL and Kafka "
                    + "(-Dcaisse.infra=containers for Testcontainers)");
            return Map.of();
        }
        String postgresImage = image(POSTGRES_IMAGE_PROPERTY, POSTGRES_IMAGE);
        String kafkaImage = image(KAFKA_IMAGE_PROPERTY, KAFKA_IMAGE);
        LOG.log(System.Logger.Level.INFO, "Test infrastructure: starting " + postgresImage + " and " + kafkaImage
                + " with Testcontainers");
        containers = new Containers(postgresImage, kafkaImage);
        Map<String, String> overrides = containers.start();
        LOG.log(System.Logger.Level.INFO, "Test infrastructure: datasource "
                + overrides.get("quarkus.datasource.jdbc.url") + ", Kafka " + overrides.get("kafka.bootstrap.servers"));
        return overrides;
    }

    /** Stops the containers, if any were started. */
    public void stop() {
        if (containers != null) {
            containers.stop();
            containers = null;
        }
    }

    private static String image(String property, String defaultImage) {
        String value = System.getProperty(property, "").trim();
        return value.isEmpty() ? defaultImage : value;
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
        private final org.testcontainers.postgresql.PostgreSQLContainer postgres;
        private final org.testcontainers.kafka.KafkaContainer kafka;

        Containers(String postgresImage, String kafkaImage) {
            postgres = new org.testcontainers.postgresql.PostgreSQLContainer(postgresImage);
            kafka = new org.testcontainers.kafka.KafkaContainer(kafkaImage);
        }

        Map<String, String> start() {
            try {
                postgres.start();
                kafka.start();
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
            return overrides(postgres.getHost(), postgres.getMappedPort(5432), postgres.getDatabaseName(),
                    postgres.getUsername(), postgres.getPassword(), kafka.getBootstrapServers());
        }

        void stop() {
            kafka.stop();
            postgres.stop();
        }
    }
}
