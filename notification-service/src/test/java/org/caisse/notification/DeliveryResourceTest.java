package org.caisse.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.caisse.notification.support.ServiceTokens;
import org.caisse.notification.support.TransactionEvents;
import org.junit.jupiter.api.Test;

/** The support endpoint's guards and errors (its listing is exercised in {@link AutomaticResponseDeliveryTest}). */
@QuarkusTest
class DeliveryResourceTest {

    private static final String PATH = "/internal/v1/merchants/{m}/deliveries";

    @Test
    void withoutATokenTheListIsRefusedWith401() {
        given().get(PATH, "002001000000001").then().statusCode(401);
    }

    @Test
    void aTokenForAnotherServiceIsRefusedWith401() {
        given().auth().oauth2(ServiceTokens.as("office-server-service", "key-management-service"))
                .get(PATH, "002001000000001").then().statusCode(401);
    }

    @Test
    void aMerchantIdThatIsNotDigitsIsA400ProblemNamingTheField() {
        given().auth().oauth2(ServiceTokens.forNotificationService())
                .get(PATH, "merchant-x").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400)).body("field", equalTo("merchantId"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aTransactionReferenceWithForbiddenCharactersIsA400ProblemNamingTheField() {
        given().auth().oauth2(ServiceTokens.forNotificationService())
                .queryParam("transactionReference", "ref with spaces;drop")
                .get(PATH, "002001000000001").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("transactionReference"));
    }

    @Test
    void aMerchantWithoutDeliveriesGetsAnEmptyList() {
        String merchantId = TransactionEvents.randomMerchantId();
        given().auth().oauth2(ServiceTokens.forNotificationService())
                .get(PATH, merchantId).then().statusCode(200)
                .body("merchantId", equalTo(merchantId))
                .body("deliveries", empty());
    }

    @Test
    void healthMetricsAndOpenApiAreExposed() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/internal/v1/merchants/{merchantId}/deliveries"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("caisse_notification_deliveries_pending"))
                .body(containsString("caisse_notification_deliveries_delivered_total"));
    }
}
