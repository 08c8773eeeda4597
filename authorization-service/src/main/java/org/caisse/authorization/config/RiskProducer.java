package org.caisse.authorization.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.caisse.authorization.domain.risk.CardCountries;

/** Builds the card-country table from {@code caisse.risk.card-countries}; a malformed entry stops the start. */
@Singleton
public class RiskProducer {

    @Produces
    @Singleton
    CardCountries cardCountries(AuthorizationConfig config) {
        return CardCountries.parse(config.risk().cardCountries().orElse(List.of()));
    }
}
