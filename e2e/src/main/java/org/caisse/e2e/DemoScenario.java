package org.caisse.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One payment through the running platform, as a merchant and a shopper make it: sealed Paypage
 * POST, card page, accepted test card, ticket and return to the shop, sealed automatic response,
 * Office getTransactionData, Office partial cancel. Each step is reported as it completes.
 */
public final class DemoScenario {

    /** Receives each completed step. */
    public interface StepReporter {
        void step(String title, String detail, Duration took);
    }

    // MASTERCARD, frictionless 3-D Secure (digits 7-8 "02"), approved (last two "00"): the demo needs no ACS step.
    static final String ACCEPTED_TEST_CARD = "5100000200000000";
    private static final long AMOUNT = 1000;
    private static final long CANCELLED = 250;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformEndpoints platform;
    private final DemoMerchant merchant;
    private final StepReporter reporter;
    private final SipsHttp http = new SipsHttp();
    private final Duration notificationTimeout;
    private long stepStarted;

    public DemoScenario(PlatformEndpoints platform, DemoMerchant merchant, StepReporter reporter,
                        Duration notificationTimeout) {
        this.platform = platform;
        this.merchant = merchant;
        this.reporter = reporter;
        this.notificationTimeout = notificationTimeout;
    }

    public DemoResult run() {
        long started = System.nanoTime();
        String reference = "DEMO" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        try (MerchantReceiver receiver = MerchantReceiver.start()) {
            URI cardPage = postPaymentRequest(reference, receiver);
            Document cardForm = openCardPage(cardPage);
            URI ticket = payWithTestCard(cardPage, cardForm);
            Map<String, String> returned = returnToShop(ticket, receiver, reference);
            Map<String, String> notified = awaitAutomaticResponse(receiver, reference);
            JsonNode transaction = getTransactionData(reference);
            JsonNode cancel = cancelPartially(reference);
            return new DemoResult(reference, AMOUNT, CANCELLED, returned, notified, transaction, cancel,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private URI postPaymentRequest(String reference, MerchantReceiver receiver) {
        begin();
        String data = String.join("|",
                "amount=" + AMOUNT,
                "currencyCode=978",
                "merchantId=" + merchant.merchantId(),
                "normalReturnUrl=" + receiver.returnUrl(),
                "automaticResponseUrl=" + receiver.notificationUrl(),
                "transactionReference=" + reference,
                "keyVersion=" + merchant.keyVersion(),
                "orderChannel=INTERNET",
                "orderId=ORDER-" + reference,
                "customerLanguage=en");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Data", data);
        form.put("Seal", merchant.hmacSeal(data));
        form.put("InterfaceVersion", "HP_2.24");
        form.put("SealAlgorithm", "HMAC-SHA-256");
        HttpResponse<String> answer = http.postForm(platform.paymentPage().resolve("/paymentInit"), form);
        String location = answer.headers().firstValue("Location").orElse(null);
        if (answer.statusCode() != 303 || location == null) {
            throw new DemoStepFailed("Paypage POST", "expected 303 to the card page, got HTTP "
                    + answer.statusCode() + " " + textOf(answer.body()));
        }
        URI cardPage = platform.paymentPage().resolve(location);
        done("Sealed Paypage POST accepted", "reference " + reference + ", 10.00 EUR, HMAC-SHA-256 seal -> " + cardPage.getPath());
        return cardPage;
    }

    private Document openCardPage(URI cardPage) {
        begin();
        HttpResponse<String> page = http.get(cardPage);
        if (page.statusCode() != 200) {
            throw new DemoStepFailed("Card page", "expected HTTP 200, got " + page.statusCode());
        }
        Document document = Jsoup.parse(page.body(), cardPage.toString());
        cardForm(document);
        done("Card page shown", "\"" + document.title() + "\"");
        return document;
    }

    private URI payWithTestCard(URI cardPage, Document document) {
        begin();
        Element form = cardForm(document);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            fields.put(input.attr("name"), input.val());
        }
        fillCard(fields);
        URI action = cardPage.resolve(form.attr("action"));
        HttpResponse<String> answer = http.postForm(action, fields);
        String location = answer.headers().firstValue("Location").orElse(null);
        if (answer.statusCode() != 303 || location == null) {
            throw new DemoStepFailed("Test card", "expected 303 to the ticket, got HTTP " + answer.statusCode());
        }
        done("Test card " + maskedTestCard() + " submitted", "authorization answered, ticket at " + URI.create(location).getPath());
        return cardPage.resolve(location);
    }

    private Map<String, String> returnToShop(URI ticket, MerchantReceiver receiver, String reference) {
        begin();
        HttpResponse<String> page = http.get(ticket);
        if (page.statusCode() != 200) {
            throw new DemoStepFailed("Ticket", "expected HTTP 200, got " + page.statusCode());
        }
        Document document = Jsoup.parse(page.body(), ticket.toString());
        Element backToShop = document.select("form[action]").stream()
                .filter(f -> f.attr("action").equals(receiver.returnUrl().toString()))
                .findFirst()
                .orElseThrow(() -> new DemoStepFailed("Ticket", "no back-to-shop form toward " + receiver.returnUrl()));
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : backToShop.select("input[name]")) {
            fields.put(input.attr("name"), input.val());
        }
        http.postForm(receiver.returnUrl(), fields);
        Map<String, String> received = receiver.awaitReturn(Duration.ofSeconds(5))
                .orElseThrow(() -> new DemoStepFailed("Return to shop", "the shop never received the return POST"));
        Map<String, String> data = verifiedResponseData("Return to shop", received);
        expect("Return to shop", data, "transactionReference", reference);
        expect("Return to shop", data, "responseCode", "00");
        done("Ticket shown, back to shop", "responseCode=00, seal valid, maskedPan=" + data.get("maskedPan")
                + ", authorisationId=" + data.get("authorisationId"));
        return data;
    }

    private Map<String, String> awaitAutomaticResponse(MerchantReceiver receiver, String reference) {
        begin();
        Map<String, String> received = receiver.awaitNotification(notificationTimeout)
                .orElseThrow(() -> new DemoStepFailed("Automatic response",
                        "nothing received within " + notificationTimeout.toSeconds() + " s"));
        Map<String, String> data = verifiedResponseData("Automatic response", received);
        expect("Automatic response", data, "transactionReference", reference);
        expect("Automatic response", data, "responseCode", "00");
        done("Automatic response received", "sealed " + received.getOrDefault("InterfaceVersion", "?")
                + ", seal valid, responseCode=00");
        return data;
    }

    private JsonNode getTransactionData(String reference) {
        begin();
        ObjectNode request = JSON.createObjectNode();
        request.put("interfaceVersion", "DR_WS_2.9");
        request.put("keyVersion", merchant.keyVersion());
        request.put("merchantId", merchant.merchantId());
        request.put("transactionReference", reference);
        JsonNode answer = office("diagnostic/getTransactionData", request);
        expect("getTransactionData", answer, "responseCode", "00");
        expect("getTransactionData", answer, "transactionStatus", "TO_CAPTURE");
        done("Office getTransactionData", "transactionStatus=TO_CAPTURE, amount=" + answer.path("currentAmount").asText());
        return answer;
    }

    private JsonNode cancelPartially(String reference) {
        begin();
        ObjectNode request = JSON.createObjectNode();
        request.put("currencyCode", "978");
        request.put("interfaceVersion", "CR_WS_2.3");
        request.put("keyVersion", merchant.keyVersion());
        request.put("merchantId", merchant.merchantId());
        request.put("operationAmount", CANCELLED);
        request.put("transactionReference", reference);
        JsonNode answer = office("cashManagement/cancel", request);
        expect("cancel", answer, "responseCode", "00");
        expect("cancel", answer, "newAmount", String.valueOf(AMOUNT - CANCELLED));
        done("Office partial cancel accepted", "cancelled " + CANCELLED + ", newAmount=" + answer.path("newAmount").asText()
                + ", newStatus=" + answer.path("newStatus").asText());
        return answer;
    }

    private JsonNode office(String service, ObjectNode request) {
        Map<String, Object> fields = JSON.convertValue(request, JSON.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        request.put("seal", merchant.officeSeal(fields));
        HttpResponse<String> answer = http.postJson(platform.officeServer().resolve("/rs-services/v2/" + service),
                request.toString());
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new DemoStepFailed(service, "answer is not JSON (HTTP " + answer.statusCode() + ")");
        }
        String expected = OfficeResponseSeal.expected(body, merchant);
        if (!expected.equals(body.path("seal").asText())) {
            throw new DemoStepFailed(service, "the response seal does not verify: " + body);
        }
        return body;
    }

    private Map<String, String> verifiedResponseData(String step, Map<String, String> form) {
        String data = form.getOrDefault("Data", "");
        String seal = form.getOrDefault("Seal", "");
        if (data.isEmpty() || !merchant.hmacSeal(data).equals(seal)) {
            throw new DemoStepFailed(step, "the seal does not verify with the merchant key");
        }
        String text = "base64".equalsIgnoreCase(form.get("Encode"))
                ? new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8) : data;
        return SipsDataFields.parse(text);
    }

    private static Element cardForm(Document document) {
        return Optional.ofNullable(document.selectFirst("form[action$=/card]"))
                .orElseThrow(() -> new DemoStepFailed("Card page", "no card form on the page"));
    }

    /** Fills the card fields by their meaning, whatever their exact names on the page. */
    private static void fillCard(Map<String, String> fields) {
        for (String name : fields.keySet()) {
            String n = name.toLowerCase();
            if (n.contains("number") || n.equals("pan")) {
                fields.put(name, ACCEPTED_TEST_CARD);
            } else if (n.contains("month")) {
                fields.put(name, "12");
            } else if (n.contains("year")) {
                fields.put(name, "2030");
            } else if (n.contains("expir")) {
                fields.put(name, "12/30");
            } else if (n.contains("csc") || n.contains("cvv") || n.contains("cvc")) {
                fields.put(name, "123");
            }
        }
    }

    private static String maskedTestCard() {
        return ACCEPTED_TEST_CARD.substring(0, 6) + "******" + ACCEPTED_TEST_CARD.substring(12);
    }

    private static void expect(String step, Map<String, String> data, String field, String value) {
        if (!value.equals(data.get(field))) {
            throw new DemoStepFailed(step, "expected " + field + "=" + value + ", got " + data.get(field));
        }
    }

    private static void expect(String step, JsonNode answer, String field, String value) {
        if (!value.equals(answer.path(field).asText())) {
            throw new DemoStepFailed(step, "expected " + field + "=" + value + ", got " + answer);
        }
    }

    private static String textOf(String html) {
        String text = Jsoup.parse(html == null ? "" : html).text();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private void begin() {
        stepStarted = System.nanoTime();
    }

    private void done(String title, String detail) {
        reporter.step(title, detail, Duration.ofNanos(System.nanoTime() - stepStarted));
    }
}
