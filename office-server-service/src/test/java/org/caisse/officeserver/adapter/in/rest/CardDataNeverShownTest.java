package org.caisse.officeserver.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caisse.officeserver.adapter.in.rest.PaymentOperationsApiTest.CARD_ORDER;
import static org.caisse.officeserver.adapter.in.rest.PaymentOperationsApiTest.CREDIT_HOLDER;
import static org.caisse.officeserver.adapter.in.rest.PaymentOperationsApiTest.cardOrder;
import static org.caisse.officeserver.adapter.in.rest.PaymentOperationsApiTest.creditHolder;
import static org.caisse.officeserver.adapter.in.rest.PaymentOperationsApiTest.post;
import static org.caisse.officeserver.adapter.in.rest.PaymentOperationsApiTest.unique;
import static org.caisse.officeserver.adapter.in.rest.PaymentOperationsApiTest.with;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.caisse.officeserver.support.FakeDownstreamsResource;
import org.junit.jupiter.api.Test;

/**
 * A card number and a CSC sent to checkout/cardOrder (or creditHolder) appear in no answer and in no log record,
 * whatever the outcome: accepted, refused, a format error on another field, a refused card field, the seal wrong,
 * the authorization service down.
 */
@QuarkusTest
@WithTestResource(value = FakeDownstreamsResource.class, scope = TestResourceScope.GLOBAL)
class CardDataNeverShownTest {

    private static final String PAN = "5100000000000005";
    private static final String CSC = "8264";

    /** Every log record of the service while the requests run, formatted as the console would. */
    private static final class Capture extends Handler {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(' ').append(t);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theCardNumberAndCscAppearInNoAnswerAndNoLog() {
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        List<String> answers = new ArrayList<>();
        try {
            answers.add(send(CARD_ORDER, with(cardOrder(unique("CO"), PAN), r -> r.put("cardCSCValue", CSC))));
            answers.add(send(CARD_ORDER, with(cardOrder(unique("CO"), PAN.substring(0, 14) + "05"),
                    r -> r.put("cardCSCValue", CSC))));
            answers.add(send(CARD_ORDER, with(cardOrder(unique("CO"), PAN), r -> {
                r.put("cardCSCValue", CSC);
                r.put("captureMode", "SOON");
            })));
            answers.add(send(CARD_ORDER, with(cardOrder(unique("CO"), PAN), r -> r.put("cardCSCValue", "1"))));
            answers.add(send(CARD_ORDER, with(cardOrder(unique("BADCARD"), PAN), r -> r.put("cardCSCValue", CSC))));
            answers.add(send(CARD_ORDER, with(cardOrder(unique("DOWN"), PAN), r -> r.put("cardCSCValue", CSC))));
            answers.add(send(CREDIT_HOLDER, with(creditHolder(unique("CH")), r -> r.put("cardCSCValue", CSC))));
            answers.add(io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                    .body(with(cardOrder(unique("CO"), PAN), r -> {
                        r.put("cardCSCValue", CSC);
                        r.put("seal", "00");
                    })).post(CARD_ORDER).asString());
        } finally {
            root.removeHandler(capture);
        }

        assertThat(answers).hasSize(8).allSatisfy(answer -> assertThat(answer).contains("responseCode")
                .doesNotContain(PAN).doesNotContain(PAN.substring(6, 12) + PAN.substring(12)).doesNotContain(CSC)
                .doesNotContain("cardNumber\":").doesNotContain("cardCSCValue\":"));
        assertThat(answers).anySatisfy(answer -> assertThat(answer).contains("\"responseCode\":\"00\""))
                .anySatisfy(answer -> assertThat(answer).contains("\"responseCode\":\"05\""))
                .anySatisfy(answer -> assertThat(answer).contains("\"responseCode\":\"90\""));
        assertThat(capture.lines).as("the requests were logged").isNotEmpty()
                .anySatisfy(line -> assertThat(line).contains("checkout").contains("cardOrder"));
        assertThat(capture.lines).allSatisfy(line -> assertThat(line)
                .doesNotContain(PAN).doesNotContain(PAN.substring(0, 14)).doesNotContain(CSC));
    }

    private static String send(String path, java.util.Map<String, Object> request) {
        Response response = post(path, request);
        return response.asString();
    }
}
