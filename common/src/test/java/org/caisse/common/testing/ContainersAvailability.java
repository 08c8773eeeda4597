package org.caisse.common.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for autodetection by the common test-jar: when the {@code containers} profile is on
 * ({@code -Dcaisse.infra=containers}) and no Docker engine is reachable, every test is disabled with a clear
 * message instead of failing on connection errors. Without the profile it never disables anything, and it never
 * loads Testcontainers or Quarkus classes (modules without them are unaffected).
 */
public class ContainersAvailability implements ExecutionCondition {

    /** The reason given for skipped tests. */
    public static final String NO_DOCKER = "containers profile: no Docker engine reachable; "
            + "run without -Pcontainers to test against the deploy/local servers";

    /** The system property that selects the infrastructure. */
    public static final String PROPERTY = "caisse.infra";
    /** Its value for Testcontainers. */
    public static final String CONTAINERS = "containers";

    private static volatile Boolean dockerAvailable;

    /** Whether this run uses Testcontainers instead of the local servers ({@code -Dcaisse.infra=containers}). */
    public static boolean containersRequested() {
        return CONTAINERS.equalsIgnoreCase(System.getProperty(PROPERTY, "").trim());
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return evaluate(containersRequested(), ContainersAvailability::dockerAvailable);
    }

    static ConditionEvaluationResult evaluate(boolean containersRequested,
                                              java.util.function.BooleanSupplier docker) {
        if (!containersRequested) {
            return ConditionEvaluationResult.enabled("local servers of deploy/local");
        }
        return docker.getAsBoolean()
                ? ConditionEvaluationResult.enabled("containers profile: Docker engine reachable")
                : ConditionEvaluationResult.disabled(NO_DOCKER);
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
