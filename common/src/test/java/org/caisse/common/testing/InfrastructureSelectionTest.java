package org.caisse.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class InfrastructureSelectionTest {

    @Test
    void withoutTheContainersProfileNothingIsOverriddenAndNoTestIsDisabled() {
        String previous = System.clearProperty(ContainersAvailability.PROPERTY);
        try {
            CaisseInfrastructure infrastructure = new CaisseInfrastructure();
            assertThat(infrastructure.start()).isEmpty();
            infrastructure.stop();
            assertThat(ContainersAvailability.containersRequested()).isFalse();
        } finally {
            if (previous != null) {
                System.setProperty(ContainersAvailability.PROPERTY, previous);
            }
        }
        ConditionEvaluationResult result = ContainersAvailability.evaluate(false, () -> false);
        assertThat(result.isDisabled()).isFalse();
    }

    @Test
    void containersProfileWithoutDockerDisablesWithTheExplanation() {
        ConditionEvaluationResult result = ContainersAvailability.evaluate(true, () -> false);
        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).contains("containers profile: no Docker engine reachable; "
                + "run without -Pcontainers to test against the deploy/local servers");
        assertThat(ContainersAvailability.evaluate(true, () -> true).isDisabled()).isFalse();
    }

    @Test
    void theProfileIsSelectedBySystemProperty() {
        String previous = System.getProperty(ContainersAvailability.PROPERTY);
        try {
            System.setProperty(ContainersAvailability.PROPERTY, "containers");
            assertThat(ContainersAvailability.containersRequested()).isTrue();
            System.setProperty(ContainersAvailability.PROPERTY, "local");
            assertThat(ContainersAvailability.containersRequested()).isFalse();
        } finally {
            if (previous == null) {
                System.clearProperty(ContainersAvailability.PROPERTY);
            } else {
                System.setProperty(ContainersAvailability.PROPERTY, previous);
            }
        }
    }

    @Test
    void containerOverridesCoverBothDatasourceUrlsCredentialsAndKafkaForEveryProfile() {
        Map<String, String> overrides = CaisseInfrastructure.overrides("localhost", 32768, "test", "u", "p",
                "PLAINTEXT://localhost:32769");
        assertThat(overrides)
                .containsEntry("quarkus.datasource.reactive.url", "postgresql://localhost:32768/test")
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:32768/test")
                .containsEntry("quarkus.datasource.username", "u")
                .containsEntry("quarkus.datasource.password", "p")
                .containsEntry("kafka.bootstrap.servers", "PLAINTEXT://localhost:32769")
                .containsEntry("%test.quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:32768/test")
                .containsEntry("%test.kafka.bootstrap.servers", "PLAINTEXT://localhost:32769")
                .hasSize(10);
    }
}
