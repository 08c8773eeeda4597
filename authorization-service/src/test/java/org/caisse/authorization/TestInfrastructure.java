package org.caisse.authorization;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.caisse.common.testing.CaisseInfrastructure;

/**
 * PostgreSQL and Kafka for every {@code @QuarkusTest} of this module: the deploy/local servers, or Testcontainers
 * under {@code -Pcontainers} (see common/README.md, "Test infrastructure").
 */
@QuarkusTestResource(TestInfrastructure.class)
public class TestInfrastructure extends CaisseInfrastructure implements QuarkusTestResourceLifecycleManager {
}
