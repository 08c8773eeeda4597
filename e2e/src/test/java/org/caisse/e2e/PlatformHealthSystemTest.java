package org.caisse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(PlatformUnderTest.class)
class PlatformHealthSystemTest {

    static URI[] services() {
        return PlatformUnderTest.PLATFORM.all();
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceIsReadyWithItsDatabaseAndKafkaAndPublishesMetricsAndOpenApi(URI service) throws Exception {
        String ready = new SipsHttp().get(service.resolve("/q/health/ready")).body();
        JsonNode health = new ObjectMapper().readTree(ready);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        List<String> checks = new ArrayList<>();
        health.path("checks").forEach(check -> checks.add(check.path("name").asText().toLowerCase()));
        assertThat(checks).anyMatch(name -> name.contains("database") || name.contains("reactive"));
        assertThat(checks).anyMatch(name -> name.contains("kafka"));

        assertThat(PlatformUnderTest.status(service.resolve("/q/health/live"))).isEqualTo(200);
        assertThat(new SipsHttp().get(service.resolve("/q/metrics")).body()).contains("jvm_memory_used_bytes");
        assertThat(PlatformUnderTest.status(service.resolve("/q/openapi"))).isEqualTo(200);
    }
}
