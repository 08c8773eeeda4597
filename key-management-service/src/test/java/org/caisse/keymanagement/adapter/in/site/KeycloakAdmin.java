package org.caisse.keymanagement.adapter.in.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The local Keycloak's admin REST API, for the browser test's own users and its redirect URI. */
final class KeycloakAdmin {

    static final String URL = System.getProperty("caisse.keycloak.url", "http://127.0.0.1:8180");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    String token() {
        String user = env("CAISSE_KEYCLOAK_ADMIN", "KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        String password = env("CAISSE_KEYCLOAK_ADMIN_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(URL + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        expect(answer, 200, "admin sign-in to the local Keycloak");
        return read(answer.body()).path("access_token").asText();
    }

    /** Adds (or removes) a redirect URI and post-logout URI to the key site client. */
    void allowOrigin(String origin, boolean allow) {
        String token = token();
        JsonNode clients = get("/admin/realms/caisse/clients?clientId=caisse-key-download", token);
        ObjectNode client = (ObjectNode) clients.get(0);
        String id = client.path("id").asText();
        ArrayNode redirects = (ArrayNode) client.path("redirectUris");
        String pattern = origin + "/*";
        for (int i = redirects.size() - 1; i >= 0; i--) {
            if (redirects.get(i).asText().equals(pattern)) {
                redirects.remove(i);
            }
        }
        ObjectNode attributes = (ObjectNode) client.path("attributes");
        String logout = attributes.path("post.logout.redirect.uris").asText("");
        List<String> logoutUris = new java.util.ArrayList<>(List.of(logout.isEmpty() ? new String[0] : logout.split("##")));
        logoutUris.remove(pattern);
        if (allow) {
            redirects.add(pattern);
            logoutUris.add(pattern);
        }
        attributes.put("post.logout.redirect.uris", String.join("##", logoutUris));
        HttpResponse<String> answer = send(authorized(URI.create(URL + "/admin/realms/caisse/clients/" + id), token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString())).build());
        expect(answer, 204, "update of client caisse-key-download");
    }

    /** Creates an enabled user with a temporary password and the given realm roles; answers its id. */
    String createUser(String username, String temporaryPassword, String merchantIdOrNull, String locale,
                      List<String> roles) {
        String token = token();
        ObjectNode user = JSON.createObjectNode();
        user.put("username", username).put("enabled", true).put("emailVerified", true)
                .put("email", username + "@example.com").put("firstName", "Site").put("lastName", "Test");
        ObjectNode attributes = user.putObject("attributes");
        if (merchantIdOrNull != null) {
            attributes.putArray("merchantId").add(merchantIdOrNull);
        }
        if (locale != null) {
            attributes.putArray("locale").add(locale);
        }
        ObjectNode credential = user.putArray("credentials").addObject();
        credential.put("type", "password").put("value", temporaryPassword).put("temporary", true);
        user.putArray("requiredActions").add("UPDATE_PASSWORD");
        HttpResponse<String> created = send(authorized(URI.create(URL + "/admin/realms/caisse/users"), token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user.toString())).build());
        expect(created, 201, "creation of user " + username);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        ArrayNode roleRepresentations = JSON.createArrayNode();
        for (String role : roles) {
            roleRepresentations.add(get("/admin/realms/caisse/roles/" + enc(role), token));
        }
        HttpResponse<String> mapped = send(authorized(URI.create(URL + "/admin/realms/caisse/users/" + id
                + "/role-mappings/realm"), token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(roleRepresentations.toString())).build());
        expect(mapped, 204, "role mapping of " + username);
        return id;
    }

    void deleteUser(String id) {
        send(authorized(URI.create(URL + "/admin/realms/caisse/users/" + id), token()).DELETE().build());
    }

    static boolean reachable() {
        try {
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(URL + "/realms/caisse")).build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private JsonNode get(String path, String token) {
        HttpResponse<String> answer = send(authorized(URI.create(URL + path), token).GET().build());
        expect(answer, 200, "GET " + path);
        return read(answer.body());
    }

    private static HttpRequest.Builder authorized(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
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
            throw new IllegalStateException(what + ": HTTP " + answer.statusCode() + " " + answer.body());
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

    private static String env(String name, String other, String fallback) {
        Map<String, String> env = System.getenv();
        return env.getOrDefault(name, env.getOrDefault(other, fallback));
    }
}
