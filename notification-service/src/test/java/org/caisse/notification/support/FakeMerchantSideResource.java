package org.caisse.notification.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the key client at {@link FakeMerchantSide}'s reserved port. */
public class FakeMerchantSideResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String port = System.getProperty(FakeMerchantSide.PORT_PROPERTY);
        if (port == null) {
            port = Integer.toString(FakeMerchantSide.reservePort());
            System.setProperty(FakeMerchantSide.PORT_PROPERTY, port);
        }
        return Map.of("caisse.key-management.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        // the server (if started) dies with the JVM
    }
}
