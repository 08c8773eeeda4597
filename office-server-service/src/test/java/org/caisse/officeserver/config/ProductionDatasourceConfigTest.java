package org.caisse.officeserver.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Map;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

/** The {@code %prod} datasource credentials of application.properties come from the environment. */
class ProductionDatasourceConfigTest {

    private static SmallRyeConfig prodConfig(Map<String, String> environment) throws IOException {
        URL properties = ProductionDatasourceConfigTest.class.getResource("/application.properties");
        return new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(properties, 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }

    @Test
    void prodTakesTheDatabaseUserAndPasswordFromTheEnvironment() throws IOException {
        SmallRyeConfig config = prodConfig(Map.of("CAISSE_DB_USER", "office_rw", "CAISSE_DB_PASSWORD", "s3cret"));
        assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("office_rw");
        assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("s3cret");
    }

    @Test
    void withoutTheEnvironmentProdFallsBackToTheLocalRole() throws IOException {
        SmallRyeConfig config = prodConfig(Map.of());
        assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("caisse_office_server");
        assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("caisse_office_server");
    }
}
