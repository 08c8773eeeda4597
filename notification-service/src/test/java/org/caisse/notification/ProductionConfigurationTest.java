package org.caisse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The production profile takes its database credentials from the environment, as the other services do. */
class ProductionConfigurationTest {

    static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProductionConfigurationTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void prodDatabaseCredentialsComeFromCaisseDbUserAndCaisseDbPasswordWithTheRoleAsDefault() throws IOException {
        Properties properties = applicationProperties();
        assertThat(properties.getProperty("%prod.quarkus.datasource.username"))
                .isEqualTo("${CAISSE_DB_USER:caisse_notification}");
        assertThat(properties.getProperty("%prod.quarkus.datasource.password"))
                .isEqualTo("${CAISSE_DB_PASSWORD:caisse_notification}");
    }
}
