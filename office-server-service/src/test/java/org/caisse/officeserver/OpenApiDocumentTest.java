package org.caisse.officeserver;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.caisse.officeserver.application.office.OfficeOperation;
import org.caisse.officeserver.support.FakeDownstreamsResource;
import org.caisse.officeserver.support.IndependentSeal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The published OpenAPI document ({@code /q/openapi}, the generated document merged with
 * {@code META-INF/openapi.yaml}) describes every Office service the deployment registers, each with its own path,
 * and its examples are really sealed with the demo merchant's TEST key (checked with {@link IndependentSeal}, a
 * {@code javax.crypto} implementation written from the specification). A new {@link OfficeOperation} without
 * documentation fails here.
 */
@QuarkusTest
@WithTestResource(value = FakeDownstreamsResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTest {

    private static final String TEST_KEY = "002001000000001_KEY1";
    private static final String OFFICE_PREFIX = "/rs-services/v2/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Instance<OfficeOperation> operations;

    private JsonNode paths;

    @BeforeEach
    void readDocument() throws Exception {
        String document = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        paths = JSON.readTree(document).path("paths");
    }

    private List<OfficeOperation> registered() {
        List<OfficeOperation> all = new ArrayList<>();
        operations.forEach(all::add);
        assertThat(all).as("registered Office operations").hasSizeGreaterThanOrEqualTo(14);
        return all;
    }

    private JsonNode postOf(OfficeOperation operation) {
        return paths.path(OFFICE_PREFIX + operation.family() + "/" + operation.name()).path("post");
    }

    @Test
    void everyRegisteredServiceHasItsOwnPathWithSchemasAndStatuses() {
        for (OfficeOperation operation : registered()) {
            String service = operation.family() + "/" + operation.name();
            JsonNode post = postOf(operation);
            assertThat(post.isObject()).as("documented path for %s", service).isTrue();
            JsonNode request = post.path("requestBody").path("content").path("application/json");
            assertThat(request.path("schema").isMissingNode()).as("request schema of %s", service).isFalse();
            assertThat(request.path("examples").size()).as("request examples of %s", service).isPositive();
            JsonNode ok = post.path("responses").path("200").path("content").path("application/json");
            assertThat(ok.path("schema").isMissingNode()).as("response schema of %s", service).isFalse();
            assertThat(ok.path("examples").size()).as("answer examples of %s", service).isPositive();
            assertThat(fieldNames(post.path("responses"))).as("statuses of %s", service)
                    .contains("200", "400", "413", "429", "503");
        }
    }

    @Test
    void noDocumentedOfficeServiceIsMissingFromTheDeployment() {
        Set<String> registered = new TreeSet<>();
        registered().forEach(operation -> registered.add(OFFICE_PREFIX + operation.family() + "/" + operation.name()));
        Set<String> documented = new TreeSet<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (path.startsWith(OFFICE_PREFIX) && !path.contains("{")) {
                documented.add(path);
            }
        });
        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void everyExampleRequestIsSealedWithTheTestKeyAndNamesItsServicesInterfaceVersion() {
        int checked = 0;
        for (OfficeOperation operation : registered()) {
            JsonNode examples = postOf(operation).path("requestBody").path("content").path("application/json")
                    .path("examples");
            for (Map.Entry<String, JsonNode> example : entries(examples)) {
                Map<String, Object> request = asMap(example.getValue().path("value"));
                String label = operation.name() + " example " + example.getKey();
                assertThat(request).as(label).containsEntry("merchantId", "002001000000001").containsEntry("keyVersion", 1);
                assertThat((String) request.get("interfaceVersion")).as(label)
                        .startsWith(operation.interfaceVersionPrefix());
                String expected = IndependentSeal.hmacSha256Hex(TEST_KEY,
                        IndependentSeal.sealString(request, IndependentSeal.REQUEST_EXCLUDED));
                assertThat(request.get("seal")).as("seal of %s", label).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(14);
    }

    @Test
    void everyExampleAnswerIsSealedWithTheTestKey() {
        int checked = 0;
        for (OfficeOperation operation : registered()) {
            JsonNode examples = postOf(operation).path("responses").path("200").path("content")
                    .path("application/json").path("examples");
            for (Map.Entry<String, JsonNode> example : entries(examples)) {
                Map<String, Object> answer = asMap(example.getValue().path("value"));
                assertThat(answer).as("%s answer %s", operation.name(), example.getKey())
                        .containsKey(operation.responseCodeField());
                assertThat(IndependentSeal.responseSealVerifies(answer, TEST_KEY))
                        .as("seal of %s answer %s", operation.name(), example.getKey()).isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(14);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        node.fields().forEachRemaining(entries::add);
        return entries;
    }

    private static Map<String, Object> asMap(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<Map<String, Object>>() { });
    }
}
