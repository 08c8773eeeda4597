package org.caisse.keymanagement.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.caisse.keymanagement.domain.custody.OverlapPolicy;

/** The seal key overlap policy: the standard one with the configured minimum ({@code caisse.keys.min-overlap}). */
public class OverlapPolicyProducer {

    @Produces
    @Singleton
    OverlapPolicy sealKeyOverlapPolicy(KeyCustodyConfig config) {
        return OverlapPolicy.STANDARD.withMinimum(config.minOverlap());
    }
}
