package org.caisse.keymanagement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.caisse.common.testing.CaisseInfrastructure;

/**
 * PostgreSQL and Kafka for every {@code @QuarkusTest} of this module: the deploy/local servers, or Testcontainers
 * under {@code -Pcontainers} (see common/README.md, "Test infrastructure"); and a port the local Keycloak accepts
 * for the key site's sign-in ({@link org.caisse.keymanagement.adapter.in.site.KeySiteOrigin}).
 */
@QuarkusTestResource(TestInfrastructure.class)
@QuarkusTestResource(org.caisse.keymanagement.adapter.in.site.KeySiteOrigin.class)
public class TestInfrastructure extends CaisseInfrastructure implements QuarkusTestResourceLifecycleManager {
}
