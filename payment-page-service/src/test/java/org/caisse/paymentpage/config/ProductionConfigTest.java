package org.caisse.paymentpage.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProductionConfigTest {

    @Test
    void productionDatabaseCredentialsComeFromTheEnvironmentLikeTheOtherServices() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("%prod.quarkus.datasource.username")).isEqualTo("${CAISSE_DB_USER:caisse_payment_page}");
        assertThat(properties.getProperty("%prod.quarkus.datasource.password")).isEqualTo("${CAISSE_DB_PASSWORD:caisse_payment_page}");
    }
}
