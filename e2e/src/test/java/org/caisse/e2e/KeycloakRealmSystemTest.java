package org.caisse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local Keycloak serves the imported caisse realm with the roles and password rules of the security model. */
class KeycloakRealmSystemTest {

    private static final URI KEYCLOAK = URI.create(System.getProperty("caisse.keycloak.url", "http://127.0.0.1:8180"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void realmPublishesItsOpenIdConfiguration() throws Exception {
        HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(
                KEYCLOAK.resolve("/realms/caisse/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(discovery.body()).path("issuer").asText()).endsWith("/realms/caisse");
    }

    @Test
    void realmHasTheRolesAndPasswordPolicyOfTheSecurityModel() throws Exception {
        String token = adminToken();
        JsonNode roles = adminGet("/admin/realms/caisse/roles", token);
        List<String> names = new ArrayList<>();
        roles.forEach(role -> names.add(role.path("name").asText()));
        assertThat(names).contains("merchant-admin", "merchant-user", "support", "key-custodian", "operator");

        JsonNode realm = adminGet("/admin/realms/caisse", token);
        assertThat(realm.path("passwordPolicy").asText()).contains("length(12)").contains("passwordHistory(5)");
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
    }

    private String adminToken() throws Exception {
        String user = System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        String password = System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        KEYCLOAK.resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("admin login to the local Keycloak").isEqualTo(200);
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    private JsonNode adminGet(String path, String token) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(KEYCLOAK.resolve(path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}
