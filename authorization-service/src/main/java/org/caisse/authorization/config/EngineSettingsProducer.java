package org.caisse.authorization.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;
import org.caisse.authorization.application.AcquirerSettings;
import org.caisse.authorization.application.EngineSettings;
import org.caisse.authorization.application.RemittanceSettings;

/** Exposes the configuration to the use cases, and the clock they read. */
@ApplicationScoped
public class EngineSettingsProducer {

    public static final String EVENT_SOURCE = "/caisse/authorization-service";

    @Produces
    @ApplicationScoped
    EngineSettings engineSettings(AuthorizationConfig config) {
        ZoneId zone = config.timeZone();
        String topic = config.topics().transactions();
        String resultsTopic = config.topics().operationResults();
        return new EngineSettings() {
            @Override
            public ZoneId zone() {
                return zone;
            }

            @Override
            public String transactionsTopic() {
                return topic;
            }

            @Override
            public String operationResultsTopic() {
                return resultsTopic;
            }

            @Override
            public String eventSource() {
                return EVENT_SOURCE;
            }
        };
    }

    @Produces
    @jakarta.inject.Singleton
    AcquirerSettings acquirerSettings(AuthorizationConfig config) {
        return new AcquirerSettings(config.acquirer().timeout());
    }

    @Produces
    @jakarta.inject.Singleton
    RemittanceSettings remittanceSettings(AuthorizationConfig config) {
        AuthorizationConfig.Remittance r = config.remittance();
        return new RemittanceSettings(r.cutOff(), r.batchSize(), r.authorizationValidityDays(),
                r.captureValidityDays(), r.lease());
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
