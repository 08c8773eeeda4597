package org.caisse.notification.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays, in one JDK HTTP server, the merchants' automatic-response receivers ({@code POST /merchant/{name}}) and
 * key-management-service ({@code GET /internal/v1/merchants/{m}/keys/{v}}). The port is reserved by
 * {@link FakeMerchantSideResource} before Quarkus starts; the server is started by the first test that needs it.
 */
public final class FakeMerchantSide {

    static final String PORT_PROPERTY = "caisse.test.fake-merchant-side.port";

    private static FakeMerchantSide instance;

    private final HttpServer server;
    private final Map<String, List<Map<String, String>>> received = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> scriptedStatuses = new ConcurrentHashMap<>();
    private final Set<String> alwaysFailing = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> keyOutages = new ConcurrentHashMap<>();
    private final Set<String> merchantsWithoutKeys = ConcurrentHashMap.newKeySet();
    private final List<String> keyRequestTokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger keyRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> keyRequestsByMerchant = new ConcurrentHashMap<>();

    private FakeMerchantSide(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/merchant/", this::receive);
        server.createContext("/internal/v1/merchants/", this::serveKey);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The running instance, started on the reserved port at first use. */
    public static synchronized FakeMerchantSide instance() {
        if (instance == null) {
            Integer port = Integer.getInteger(PORT_PROPERTY);
            if (port == null) {
                throw new IllegalStateException("FakeMerchantSideResource did not reserve a port");
            }
            try {
                instance = new FakeMerchantSide(port);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the fake merchant side on port " + port, e);
            }
        }
        return instance;
    }

    static int reservePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The automatic response URL of a receiver. */
    public String receiverUrl(String name) {
        return baseUrl() + "/merchant/" + name;
    }

    /** The secret key the fake key service serves for a merchant and version. */
    public static String secretKeyOf(String merchantId, int keyVersion) {
        return "secret-" + merchantId + "-v" + keyVersion + "_KEY";
    }

    /** The receiver answers these statuses to its next POSTs, then 200. */
    public void answer(String receiver, Integer... statuses) {
        scriptedStatuses.put(receiver, new ArrayDeque<>(List.of(statuses)));
    }

    /** The receiver answers 500 to every POST. */
    public void alwaysFail(String receiver) {
        alwaysFailing.add(receiver);
    }

    /** The key service answers 503 to the merchant's next {@code times} key requests. */
    public void keyServiceDownFor(String merchantId, int times) {
        keyOutages.put(merchantId, new AtomicInteger(times));
    }

    /** The key service answers 404 for this merchant. */
    public void noKeysFor(String merchantId) {
        merchantsWithoutKeys.add(merchantId);
    }

    /** The form POSTs a receiver got, in order. */
    public List<Map<String, String>> received(String receiver) {
        return List.copyOf(received.getOrDefault(receiver, List.of()));
    }

    /** Key lookups received for one merchant (tells a cached key from a fetched one). */
    public int keyRequestsFor(String merchantId) {
        AtomicInteger count = keyRequestsByMerchant.get(merchantId);
        return count == null ? 0 : count.get();
    }

    public List<String> keyRequestTokens() {
        return List.copyOf(keyRequestTokens);
    }

    private void receive(HttpExchange exchange) throws IOException {
        String receiver = exchange.getRequestURI().getPath().substring("/merchant/".length());
        if (!"POST".equals(exchange.getRequestMethod())
                || !String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                .startsWith("application/x-www-form-urlencoded")) {
            respond(exchange, 415, "");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.computeIfAbsent(receiver, k -> new CopyOnWriteArrayList<>()).add(parseForm(body));
        int status = 200;
        if (alwaysFailing.contains(receiver)) {
            status = 500;
        } else {
            Deque<Integer> script = scriptedStatuses.get(receiver);
            if (script != null) {
                synchronized (script) {
                    Integer next = script.poll();
                    status = next == null ? 200 : next;
                }
            }
        }
        respond(exchange, status, "");
    }

    private void serveKey(HttpExchange exchange) throws IOException {
        keyRequests.incrementAndGet();
        String[] parts = exchange.getRequestURI().getPath().split("/");
        // "", internal, v1, merchants, {m}, keys, {v}
        if (parts.length != 7 || !"keys".equals(parts[5])) {
            respond(exchange, 404, "{}");
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            respond(exchange, 401, "{}");
            return;
        }
        keyRequestTokens.add(auth.substring("Bearer ".length()));
        String merchantId = parts[4];
        int version = Integer.parseInt(parts[6]);
        keyRequestsByMerchant.computeIfAbsent(merchantId, m -> new AtomicInteger()).incrementAndGet();
        AtomicInteger outage = keyOutages.get(merchantId);
        if (outage != null && outage.getAndDecrement() > 0) {
            respond(exchange, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
            return;
        }
        if (merchantsWithoutKeys.contains(merchantId)) {
            respond(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
            return;
        }
        respond(exchange, 200, "{\"merchantId\":\"" + merchantId + "\",\"keyVersion\":" + version
                + ",\"status\":\"ACTIVE\",\"environment\":\"TEST\",\"secretKey\":\"" + secretKeyOf(merchantId, version)
                + "\",\"notAfter\":null}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    /** Decodes the claims part of a JWT (no verification: the test only reads what was sent). */
    public static String claimsOf(String jwt) {
        String[] parts = jwt.split("\\.");
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }
}
