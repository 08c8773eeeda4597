package org.caisse.officeserver.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test users of the real local Keycloak (realm {@code caisse}), created through its admin API with a password and
 * realm roles, signed in with the password grant of a public test client created for the run; everything created
 * is deleted by {@link #close()}.
 */
public final class KeycloakUsers implements AutoCloseable {

    public static final String URL = System.getProperty("caisse.keycloak.url", "http://127.0.0.1:8180");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String clientId = "office-server-test-" + UUID.randomUUID();
    private final List<String> created = new ArrayList<>();
    private String clientUuid;

    public KeycloakUsers() {
        ObjectNode client = JSON.createObjectNode();
        client.put("clientId", clientId).put("enabled", true).put("publicClient", true)
                .put("directAccessGrantsEnabled", true).put("standardFlowEnabled", false);
        HttpResponse<String> answer = send(admin("/admin/realms/caisse/clients")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.toString())).build());
        expect(answer, 201, "creation of client " + clientId);
        String location = answer.headers().firstValue("Location").orElseThrow();
        clientUuid = location.substring(location.lastIndexOf('/') + 1);
    }

    /** Creates a user with these realm roles and answers a fresh access token of that user. */
    public String tokenOf(List<String> roles) {
        String username = "office-test-" + UUID.randomUUID();
        String password = "Pw-" + UUID.randomUUID();
        ObjectNode user = JSON.createObjectNode();
        user.put("username", username).put("enabled", true).put("emailVerified", true)
                .put("email", username + "@example.com").put("firstName", "Office").put("lastName", "Test");
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        HttpResponse<String> answer = send(admin("/admin/realms/caisse/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user.toString())).build());
        expect(answer, 201, "creation of user " + username);
        String location = answer.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        created.add(id);
        if (!roles.isEmpty()) {
            ArrayNode mappings = JSON.createArrayNode();
            for (String role : roles) {
                HttpResponse<String> found = send(admin("/admin/realms/caisse/roles/" + enc(role)).GET().build());
                expect(found, 200, "role " + role);
                mappings.add(read(found.body()));
            }
            expect(send(admin("/admin/realms/caisse/users/" + id + "/role-mappings/realm")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mappings.toString())).build()), 204, "role mapping");
        }
        String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username)
                + "&password=" + enc(password) + "&scope=openid";
        HttpResponse<String> token = send(HttpRequest.newBuilder(
                        URI.create(URL + "/realms/caisse/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        expect(token, 200, "password grant of " + username);
        return read(token.body()).path("access_token").asText();
    }

    @Override
    public void close() {
        for (String id : created) {
            send(admin("/admin/realms/caisse/users/" + id).DELETE().build());
        }
        if (clientUuid != null) {
            send(admin("/admin/realms/caisse/clients/" + clientUuid).DELETE().build());
        }
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(URL + path)).header("Authorization", "Bearer " + adminToken());
    }

    private String adminToken() {
        Map<String, String> env = System.getenv();
        String user = env.getOrDefault("CAISSE_KEYCLOAK_ADMIN", env.getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"));
        String password = env.getOrDefault("CAISSE_KEYCLOAK_ADMIN_PASSWORD",
                env.getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"));
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                        URI.create(URL + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        expect(answer, 200, "admin sign-in to the local Keycloak");
        return read(answer.body()).path("access_token").asText();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + URL + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + answer.statusCode());
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
