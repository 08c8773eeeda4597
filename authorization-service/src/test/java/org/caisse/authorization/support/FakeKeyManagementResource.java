package org.caisse.authorization.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points every {@code @QuarkusTest} of this module at {@link FakeKeyManagement#shared()} instead of a real
 * key-management-service ({@code caisse.key-management.url}), so that tests never reach a platform running on
 * this machine and can register the CSE keys they encrypt with.
 */
@QuarkusTestResource(FakeKeyManagementResource.class)
public class FakeKeyManagementResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("caisse.key-management.url", FakeKeyManagement.shared().url().toString());
    }

    @Override
    public void stop() {
        // The shared server lives as long as the JVM: later Quarkus starts of the same run reuse it.
    }
}
