package org.caisse.authorization.adapter.out.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** The production {@link RelayFaults}: none. */
@ApplicationScoped
public class NoRelayFaults implements RelayFaults {

    @Override
    public void beforeCommit(Set<String> topics) {
        // nothing: runs commit normally
    }
}
