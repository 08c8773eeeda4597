package org.caisse.officeserver.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caisse.officeserver.support.FakeDownstreams.MERCHANT;
import static org.caisse.officeserver.support.FakeDownstreams.MERCHANT_KEY;
import static org.caisse.officeserver.support.FakeDownstreams.OTHER_MERCHANT;
import static org.caisse.officeserver.support.FakeDownstreams.OTHER_MERCHANT_KEY;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.caisse.officeserver.application.office.OfficeOperation;
import org.caisse.officeserver.support.FakeDownstreamsResource;
import org.caisse.officeserver.support.IndependentSeal;
import org.caisse.officeserver.support.OfficeHttp;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests, generated with jqwik arbitraries, against every Office service registered in this
 * deployment (the {@link OfficeOperation} beans, so services added later are covered without touching this
 * test): random JSON shapes, wrong types, huge, unicode and control-character strings, non-JSON bytes,
 * mass-assigned fields (another merchant id in nested objects) and forged seals (another merchant's key, one
 * flipped character, random hex, wrong type, none). None may get an HTTP 5xx, none may be accepted
 * ({@code responseCode 00}) and none may reach the authorization service.
 */
@QuarkusTest
@WithTestResource(value = FakeDownstreamsResource.class, scope = TestResourceScope.GLOBAL)
class HostileRequestsPropertyTest {

    private static final int TRIES_PER_SERVICE = 1000;
    private static final List<String> REFERENCES = List.of("KNOWNHOSTILE1", "KNOWNHOSTILE2", "SLOWHOSTILE3");
    private static final List<String> FIELD_NAMES = List.of("merchantId", "interfaceVersion", "keyVersion", "seal",
            "sealAlgorithm", "transactionReference", "operationAmount", "amount", "currencyCode", "operationOrigin",
            "merchantWalletId", "paymentMeanId", "cardNumber", "cardExpiryDate", "cardCSCValue", "orderId",
            "fromMerchantId", "fromTransactionReference", "intermediateServiceProviderId", "s10TransactionReference");

    @Inject
    @Any
    Instance<OfficeOperation> operations;

    @ConfigProperty(name = "caisse.authorization.url")
    String authorizationUrl;

    @Test
    void noHostileRequestIsAcceptedNorAnswered5xxOnAnyOfficeService() throws Exception {
        OfficeHttp http = new OfficeHttp(RestAssured.port);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        int services = 0;
        try {
            for (OfficeOperation operation : operations) {
                services++;
                String path = "/rs-services/v2/" + operation.family() + "/" + operation.name();
                List<byte[]> bodies = hostileBodies(operation.interfaceVersionPrefix())
                        .sampleStream().limit(TRIES_PER_SERVICE).toList();
                List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
                for (byte[] body : bodies) {
                    answers.add(clients.submit(() -> http.post(path, body, null)));
                }
                for (int i = 0; i < answers.size(); i++) {
                    HttpResponse<byte[]> answer = answers.get(i).get();
                    String shown = path + " ← " + preview(bodies.get(i));
                    assertThat(answer.statusCode()).as(shown).isLessThan(500);
                    String codeField = operation.responseCodeField();
                    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).as(shown)
                            .doesNotContain("\"" + codeField + "\":\"00\"");
                    if (answer.statusCode() == 200) {
                        assertThat(OfficeHttp.parse(answer.body()).get(codeField)).as(shown).isIn("30", "34");
                    }
                }
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(services).isGreaterThanOrEqualTo(2);
        for (String reference : REFERENCES) {
            assertThat(OfficeHttp.authorizationCalls(authorizationUrl, reference)).as(reference).isZero();
        }
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static Arbitrary<byte[]> hostileBodies(String prefix) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, forgedRequests(prefix).map(OfficeHttp::json)),
                Tuple.of(2, anyJson(3).map(OfficeHttp::json)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)));
    }

    /** A plausible request of the service, with hostile extras and a seal that is not the merchant's. */
    private static Arbitrary<Map<String, Object>> forgedRequests(String prefix) {
        Arbitrary<Object> merchantId = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(MERCHANT)),
                Tuple.of(1, Arbitraries.just(OTHER_MERCHANT)),
                Tuple.of(1, Arbitraries.strings().numeric().ofLength(15).map(s -> (Object) s)),
                Tuple.of(1, hostileValue(2)));
        Arbitrary<Object> interfaceVersion = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(prefix + "2.3", prefix + "2.0", prefix + "3.1")),
                Tuple.of(1, hostileValue(1)));
        Arbitrary<Object> keyVersion = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(1)),
                Tuple.of(1, Arbitraries.of(0, 2, -1, "1", 99_999_999_999L)),
                Tuple.of(1, hostileValue(1)));
        Arbitrary<Map<String, Object>> extras = Arbitraries.maps(fieldName(), hostileValue(3)).ofMaxSize(6);
        Arbitrary<Integer> sealKind = Arbitraries.integers().between(0, 5);
        return Combinators.combine(merchantId, interfaceVersion, keyVersion, Arbitraries.of(REFERENCES), extras,
                sealKind, Arbitraries.integers().between(0, 63)).as((merchant, version, keyVer, reference, extra,
                                                                      kind, position) -> {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("interfaceVersion", version);
            request.put("keyVersion", keyVer);
            request.put("merchantId", merchant);
            request.put("transactionReference", reference);
            request.put("operationAmount", 100);
            request.put("amount", 100);
            request.put("currencyCode", "978");
            request.putAll(extra);
            request.remove("seal");
            request.put("merchantId", merchant);
            // the claimed merchant's real key, and a key that is not its own
            String ownKey = OTHER_MERCHANT.equals(merchant) ? OTHER_MERCHANT_KEY : MERCHANT_KEY;
            String wrongKey = OTHER_MERCHANT.equals(merchant) ? MERCHANT_KEY : OTHER_MERCHANT_KEY;
            String genuine = IndependentSeal.hmacSha256Hex(ownKey,
                    IndependentSeal.sealString(request, IndependentSeal.REQUEST_EXCLUDED));
            switch (kind) {
                case 0 -> request.put("seal", IndependentSeal.hmacSha256Hex(wrongKey,
                        IndependentSeal.sealString(request, IndependentSeal.REQUEST_EXCLUDED)));
                case 1 -> request.put("seal", flip(genuine, position));
                case 2 -> request.put("seal", IndependentSeal.hmacSha256Hex("guess", String.valueOf(position)));
                case 3 -> request.put("seal", List.of(genuine));
                case 4 -> request.put("seal", genuine.substring(0, position));
                default -> { /* no seal */ }
            }
            return request;
        });
    }

    private static String flip(String hex, int position) {
        char c = hex.charAt(position);
        char other = c == '0' ? '1' : '0';
        return hex.substring(0, position) + other + hex.substring(position + 1);
    }

    private static Arbitrary<String> fieldName() {
        return Arbitraries.oneOf(Arbitraries.of(FIELD_NAMES), Arbitraries.strings().ofMinLength(1).ofMaxLength(20));
    }

    private static Arbitrary<String> hostileString() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(20)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0100', '\uffff').ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().alpha().ofMinLength(1000).ofMaxLength(20_000)),
                Tuple.of(1, Arbitraries.of("002001000000002", "", " ", "00", "%00", "../x", "NaN", "1e309",
                        "\uD83D\uDCB3", "\uFEFF1", "KNOWNHOSTILE1/../cancel")));
    }

    /** Any JSON value, nested objects carrying another merchant's id now and then. */
    private static Arbitrary<Object> hostileValue(int depth) {
        List<Arbitrary<Object>> scalars = List.of(
                hostileString().map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        Arbitrary<Object> scalar = Arbitraries.oneOf(scalars);
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<Object> object = Arbitraries.maps(fieldName(), Arbitraries.lazy(() -> hostileValue(depth - 1)))
                .ofMaxSize(4)
                .map(map -> {
                    Map<String, Object> nested = new LinkedHashMap<>(map);
                    nested.put("merchantId", OTHER_MERCHANT);
                    return (Object) nested;
                });
        Arbitrary<Object> array = Arbitraries.lazy(() -> hostileValue(depth - 1)).list().ofMaxSize(4)
                .map(list -> (Object) list);
        return Arbitraries.frequencyOf(Tuple.of(5, scalar), Tuple.of(2, object),
                Tuple.of(1, array));
    }

    private static Arbitrary<Object> anyJson(int depth) {
        return hostileValue(depth);
    }
}
