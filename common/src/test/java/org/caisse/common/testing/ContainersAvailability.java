package org.caisse.common.testing;

import java.lang.annotation.Annotation;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for autodetection by the common test-jar: when the {@code containers} profile is on
 * ({@code -Dcaisse.infra=containers}) and no Docker engine is reachable, every Quarkus test class ({@code @QuarkusTest}
 * and its relatives, directly, through a meta-annotation, a superclass or an enclosing class) is disabled with a clear
 * message printed to the build output, instead of failing on connection errors. Plain unit tests still run. Without
 * the profile it never disables anything, and it never loads Testcontainers or Quarkus classes (modules without them
 * are unaffected).
 */
public class ContainersAvailability implements ExecutionCondition {

    /** The reason given for skipped tests. */
    public static final String NO_DOCKER = "containers profile: no Docker engine reachable; "
            + "run without -Pcontainers to test against the deploy/local servers";

    /** The system property that selects the infrastructure. */
    public static final String PROPERTY = "caisse.infra";
    /** Its value for Testcontainers. */
    public static final String CONTAINERS = "containers";

    /** The annotations (by name, so that no Quarkus class is loaded) of tests that need PostgreSQL and Kafka. */
    static final Set<String> QUARKUS_TESTS = Set.of(
            "io.quarkus.test.junit.QuarkusTest",
            "io.quarkus.test.junit.QuarkusIntegrationTest",
            "io.quarkus.test.junit.main.QuarkusMainTest",
            "io.quarkus.test.junit.main.QuarkusMainIntegrationTest");

    private static volatile Boolean dockerAvailable;

    /** Whether this run uses Testcontainers instead of the local servers ({@code -Dcaisse.infra=containers}). */
    public static boolean containersRequested() {
        return CONTAINERS.equalsIgnoreCase(System.getProperty(PROPERTY, "").trim());
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean quarkusTest = context.getTestClass()
                .map(testClass -> needsInfrastructure(testClass, QUARKUS_TESTS))
                .orElse(false);
        ConditionEvaluationResult result = evaluate(containersRequested(), quarkusTest,
                ContainersAvailability::dockerAvailable);
        if (result.isDisabled() && context.getTestMethod().isEmpty()) {
            // Surefire does not print skip reasons; say it where the build output shows it, once per class.
            System.out.println("[caisse] " + context.getRequiredTestClass().getName() + " skipped: " + NO_DOCKER);
        }
        return result;
    }

    /** Docker is asked for only when the profile is on and the test needs the infrastructure. */
    static ConditionEvaluationResult evaluate(boolean containersRequested, boolean needsInfrastructure,
                                              BooleanSupplier docker) {
        if (!containersRequested) {
            return ConditionEvaluationResult.enabled("local servers of deploy/local");
        }
        if (!needsInfrastructure) {
            return ConditionEvaluationResult.enabled("containers profile: not a Quarkus test");
        }
        return docker.getAsBoolean()
                ? ConditionEvaluationResult.enabled("containers profile: Docker engine reachable")
                : ConditionEvaluationResult.disabled(NO_DOCKER);
    }

    /** Whether the class, a superclass or an enclosing class carries one of the annotations, directly or as a meta-annotation. */
    static boolean needsInfrastructure(Class<?> testClass, Set<String> annotationNames) {
        for (Class<?> outer = testClass; outer != null; outer = outer.getEnclosingClass()) {
            for (Class<?> type = outer; type != null && type != Object.class; type = type.getSuperclass()) {
                for (Annotation annotation : type.getDeclaredAnnotations()) {
                    if (isOrIsAnnotatedWith(annotation.annotationType(), annotationNames, new HashSet<>())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isOrIsAnnotatedWith(Class<? extends Annotation> type, Set<String> names,
                                               Set<Class<?>> seen) {
        if (names.contains(type.getName())) {
            return true;
        }
        if (!seen.add(type)) {
            return false;
        }
        for (Annotation meta : type.getDeclaredAnnotations()) {
            if (isOrIsAnnotatedWith(meta.annotationType(), names, seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean dockerAvailable() {
        Boolean known = dockerAvailable;
        if (known == null) {
            known = Docker.available();
            dockerAvailable = known;
        }
        return known;
    }

    /** Loaded only under the profile, so a module without Testcontainers on its test class path is unaffected. */
    private static final class Docker {
        static boolean available() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (LinkageError | RuntimeException e) {
                return false;
            }
        }
    }
}
