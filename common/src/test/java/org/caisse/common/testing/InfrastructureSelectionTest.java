package org.caisse.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Map;
import java.util.Set;
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
        ConditionEvaluationResult result = ContainersAvailability.evaluate(false, true, () -> false);
        assertThat(result.isDisabled()).isFalse();
    }

    @Test
    void containersProfileWithoutDockerDisablesWithTheExplanation() {
        ConditionEvaluationResult result = ContainersAvailability.evaluate(true, true, () -> false);
        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).contains("containers profile: no Docker engine reachable; "
                + "run without -Pcontainers to test against the deploy/local servers");
        assertThat(ContainersAvailability.evaluate(true, true, () -> true).isDisabled()).isFalse();
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

    @Test
    void underTheContainersProfileUnitTestsStillRunAndDockerIsNotEvenAsked() {
        ConditionEvaluationResult result = ContainersAvailability.evaluate(true, false, () -> {
            throw new AssertionError("Docker must not be probed for a unit test");
        });
        assertThat(result.isDisabled()).isFalse();
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface FixtureQuarkusTest {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @FixtureQuarkusTest
    @interface FixtureStereotype {
    }

    @FixtureQuarkusTest
    static class Direct {
        class Nested {
        }
    }

    @FixtureStereotype
    static class ThroughAMetaAnnotation {
    }

    static class Inheriting extends Direct {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface Unrelated {
    }

    @Unrelated
    static class PlainUnitTest {
    }

    @Test
    void quarkusTestsAreRecognisedDirectlyThroughStereotypesSuperclassesAndEnclosingClasses() {
        Set<String> names = Set.of(FixtureQuarkusTest.class.getName());
        assertThat(ContainersAvailability.needsInfrastructure(Direct.class, names)).isTrue();
        assertThat(ContainersAvailability.needsInfrastructure(Direct.Nested.class, names)).isTrue();
        assertThat(ContainersAvailability.needsInfrastructure(ThroughAMetaAnnotation.class, names)).isTrue();
        assertThat(ContainersAvailability.needsInfrastructure(Inheriting.class, names)).isTrue();
        assertThat(ContainersAvailability.needsInfrastructure(PlainUnitTest.class, names)).isFalse();
        assertThat(ContainersAvailability.needsInfrastructure(InfrastructureSelectionTest.class, names)).isFalse();
        assertThat(ContainersAvailability.QUARKUS_TESTS).contains("io.quarkus.test.junit.QuarkusTest");
    }

    @Test
    void theTestSupportUsesNoQuarkusTypeSoItWorksFromWhicheverClassLoaderLoadsIt() {
        // A service's one-line subclass implements QuarkusTestResourceLifecycleManager; this class must not.
        noClasses().that().resideInAPackage("org.caisse.common.testing")
                .should().dependOnClassesThat().resideInAPackage("io.quarkus..")
                .check(new ClassFileImporter().importPackages("org.caisse.common.testing"));
        JavaClass infrastructure = new ClassFileImporter().importClass(CaisseInfrastructure.class);
        assertThat(infrastructure.getMethod("start").getRawReturnType().getName()).isEqualTo("java.util.Map");
        assertThat(infrastructure.getMethod("stop").getModifiers()).contains(JavaModifier.PUBLIC);
    }
}
