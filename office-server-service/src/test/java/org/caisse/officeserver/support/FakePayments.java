package org.caisse.officeserver.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * The payment endpoints of authorization-service, played for the tests ({@link FakeDownstreams} hands them over):
 * <ul>
 * <li>{@code POST /internal/v1/authorizations} and {@code /credits}: a reference starting with {@code DOWN} → 503,
 * {@code BADCARD} → 400 field {@code card.number}, {@code ODDFIELD} → 400 field {@code notification.keyVersion};
 * a reference used before → 94; a clear card → the last two digits of the number are the responseCode (SIPS.md
 * §8, {@code 00} for unknown ones); an {@code encryptedCardData} whose first part is {@code BAD} → 30; wallet
 * {@code W1} card {@code 1} → 00, any other wallet card → 14.</li>
 * <li>{@code POST /internal/v1/duplicates}: a source starting with {@code KNOWN} of the same merchant → 00;
 * another {@code fromMerchantId} → 40; a new reference starting with {@code DOWN} → 503; otherwise 25.</li>
 * <li>{@code POST .../transactions/{ref}/validate|refund}: references starting with {@code KNOWN} exist for
 * {@link FakeDownstreams#MERCHANT} (1000 EUR cents) → 00, 24 above the remaining amount, 12 for another currency;
 * {@code DOWN...} → 503; others → 25. An {@code operationId} seen before gets the first answer again.</li>
 * <li>{@code GET /_test/payments/{ref}}: calls received for that reference and what the last body looked like
 * (its field names, its card's field names, whether it asked for 3-D Secure, its operationId) — never the card.</li>
 * </ul>
 */
final class FakePayments {

    private static final Pattern OPERATION_PATH = Pattern.compile(
            "/internal/v1/merchants/([^/]+)/transactions/([^/]+)/(validate|refund)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Predicate<HttpExchange> authorized;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> lastShape = new ConcurrentHashMap<>();
    private final Set<String> usedReferences = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Object>> answersByOperationId = new ConcurrentHashMap<>();
    private final Map<String, Long> remaining = new ConcurrentHashMap<>();

    FakePayments(Predicate<HttpExchange> authorized) {
        this.authorized = authorized;
    }

    /** Whether the exchange was one of ours (answered); false leaves it to the caller. */
    boolean handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/_test/payments/")) {
            String reference = path.substring("/_test/payments/".length());
            AtomicInteger count = calls.get(reference);
            Map<String, Object> answer = new LinkedHashMap<>(lastShape.getOrDefault(reference, Map.of()));
            answer.put("calls", count == null ? 0 : count.get());
            respond(exchange, 200, answer);
            return true;
        }
        Matcher operation = OPERATION_PATH.matcher(path);
        boolean order = path.equals("/internal/v1/authorizations") || path.equals("/internal/v1/credits");
        boolean duplicate = path.equals("/internal/v1/duplicates");
        if (!order && !duplicate && !operation.matches()) {
            return false;
        }
        if (!authorized.test(exchange)) {
            respond(exchange, 401, Map.of("title", "Unauthorized"));
            return true;
        }
        Map<String, Object> body = JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
        if (operation.matches()) {
            String reference = operation.group(2);
            count(reference, body);
            respondOperation(exchange, operation.group(1), reference, operation.group(3), body);
            return true;
        }
        String reference = String.valueOf(body.get("transactionReference"));
        count(reference, body);
        if (duplicate) {
            respondDuplicate(exchange, body);
        } else {
            respondOrder(exchange, body, path.endsWith("/credits"));
        }
        return true;
    }

    private void count(String reference, Map<String, Object> body) {
        calls.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet();
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("fields", new ArrayList<>(new TreeSet<>(body.keySet())));
        if (body.get("card") instanceof Map<?, ?> card) {
            List<String> cardFields = new ArrayList<>();
            card.keySet().forEach(name -> cardFields.add(String.valueOf(name)));
            shape.put("cardFields", new ArrayList<>(new TreeSet<>(cardFields)));
        }
        shape.put("threeDSecure", body.containsKey("threeDSecure"));
        shape.put("merchantId", body.get("merchantId"));
        shape.put("operationId", body.get("operationId"));
        shape.put("orderChannel", body.get("orderChannel"));
        shape.put("fromMerchantId", body.get("fromMerchantId"));
        shape.put("amount", body.get("amount"));
        lastShape.put(reference, shape);
    }

    private void respondOrder(HttpExchange exchange, Map<String, Object> body, boolean credit) throws IOException {
        String reference = String.valueOf(body.get("transactionReference"));
        if (reference.startsWith("DOWN")) {
            respond(exchange, 503, Map.of("title", "Service Unavailable"));
            return;
        }
        if (reference.startsWith("BADCARD")) {
            respond(exchange, 400, Map.of("title", "Bad Request", "field", "card.number"));
            return;
        }
        if (reference.startsWith("ODDFIELD")) {
            respond(exchange, 400, Map.of("title", "Bad Request", "field", "notification.keyVersion"));
            return;
        }
        Map<String, Object> snapshot = snapshot(body, credit);
        if (!usedReferences.add(body.get("merchantId") + ":" + reference)) {
            respond(exchange, 200, Map.of("transactionReference", reference, "responseCode", "94"));
            return;
        }
        Map<?, ?> card = (Map<?, ?>) body.get("card");
        String code = "00";
        if (card.get("number") instanceof String number) {
            String last = number.substring(number.length() - 2);
            code = Set.of("02", "05", "14", "51", "54", "63").contains(last) ? last : "00";
            snapshot.put("maskedPan", number.substring(0, 6) + "#".repeat(number.length() - 10)
                    + number.substring(number.length() - 4));
        } else if (card.get("encryptedCardData") instanceof String jwe) {
            code = jwe.startsWith("BAD.") ? "30" : "00";
            snapshot.put("maskedPan", "5100##########00");
        } else {
            code = "W1".equals(card.get("merchantWalletId")) && "1".equals(card.get("paymentMeanId")) ? "00" : "14";
            snapshot.put("maskedPan", "4100##########00");
        }
        snapshot.put("responseCode", code);
        snapshot.put("acquirerResponseCode", code.equals("30") ? null : code);
        if (code.equals("00")) {
            snapshot.put("authorisationId", "A12345");
        } else {
            snapshot.put("status", "REFUSED");
        }
        respond(exchange, 200, snapshot);
    }

    private void respondDuplicate(HttpExchange exchange, Map<String, Object> body) throws IOException {
        String merchantId = String.valueOf(body.get("merchantId"));
        if (String.valueOf(body.get("transactionReference")).startsWith("DOWN")) {
            respond(exchange, 503, Map.of("title", "Service Unavailable"));
            return;
        }
        Object fromMerchant = body.get("fromMerchantId");
        if (fromMerchant != null && !fromMerchant.equals(merchantId)) {
            respond(exchange, 200, Map.of("responseCode", "40"));
            return;
        }
        if (!merchantId.equals(FakeDownstreams.MERCHANT)
                || !String.valueOf(body.get("fromTransactionReference")).startsWith("KNOWN")) {
            respond(exchange, 200, Map.of("responseCode", "25"));
            return;
        }
        Map<String, Object> snapshot = snapshot(body, false);
        snapshot.put("responseCode", "00");
        snapshot.put("acquirerResponseCode", "00");
        snapshot.put("authorisationId", "D12345");
        snapshot.put("maskedPan", "5100##########00");
        snapshot.put("panExpiryDate", "202812");
        respond(exchange, 200, snapshot);
    }

    private synchronized void respondOperation(HttpExchange exchange, String merchantId, String reference,
                                               String operation, Map<String, Object> body) throws IOException {
        if (reference.startsWith("DOWN")) {
            respond(exchange, 503, Map.of("title", "Service Unavailable"));
            return;
        }
        String operationId = String.valueOf(body.get("operationId"));
        Map<String, Object> replay = answersByOperationId.get(merchantId + ":" + operationId);
        if (replay != null) {
            respond(exchange, 200, replay);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        long amount = ((Number) body.get("amount")).longValue();
        long left = remaining.getOrDefault(reference, 1000L);
        if (!merchantId.equals(FakeDownstreams.MERCHANT) || !reference.startsWith("KNOWN")) {
            answer.put("responseCode", "25");
        } else if (!"978".equals(body.get("currencyCode"))) {
            answer.put("responseCode", "12");
        } else if (amount > left) {
            answer.put("responseCode", "24");
        } else {
            remaining.put(reference, left - amount);
            answer.put("responseCode", "00");
            answer.put("newAmount", operation.equals("validate") ? amount : left - amount);
            answer.put("newStatus", operation.equals("validate") ? "TO_CAPTURE" : "TO_CREDIT");
            answer.put("operationDateTime", "2026-11-23T12:30:00+01:00");
            answer.put("authorisationId", "123456");
            if (operation.equals("validate")) {
                answer.put("captureLimitDate", "20261123");
            }
            answer.put("transaction", Map.of("transactionReference", reference));
        }
        answersByOperationId.put(merchantId + ":" + operationId, answer);
        respond(exchange, 200, answer);
    }

    private static Map<String, Object> snapshot(Map<String, Object> body, boolean credit) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("merchantId", body.get("merchantId"));
        tx.put("transactionReference", body.get("transactionReference"));
        tx.put("status", credit ? "TO_CREDIT" : "TO_CAPTURE");
        tx.put("amount", body.get("amount"));
        tx.put("currencyCode", body.get("currencyCode"));
        tx.put("captureMode", body.getOrDefault("captureMode", "AUTHOR_CAPTURE"));
        tx.put("captureDay", body.getOrDefault("captureDay", 0));
        tx.put("orderChannel", body.getOrDefault("orderChannel", "INTERNET"));
        tx.put("transactionDateTime", "2026-11-23T12:00:00+01:00");
        tx.put("paymentMeanBrand", "MASTERCARD");
        tx.put("cardCSCResultCode", "4D");
        tx.put("holderAuthentStatus", "NOT_SPECIFIED");
        tx.put("guaranteeIndicator", "");
        tx.put("scoreValue", "0");
        tx.put("customerEmail", null);
        return tx;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json"
                : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
