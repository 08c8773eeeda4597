package org.caisse.officeserver.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.caisse.common.card.CardBrand;
import org.caisse.common.card.CardBrands;
import org.caisse.common.card.Luhn;
import org.caisse.common.card.PanMasking;

/**
 * Plays authorization-service's internal wallet API (its README, "Wallet endpoints") with a JDK HttpServer, in memory:
 * wallets per (merchant, merchantWalletId), ranks never reused, the same card added again answers its payment mean,
 * an unknown card number (Luhn, Sips TEST prefixes excepted) → 400 {@code field: card.number}, an expired card → 400
 * {@code card.expiryDate}, another merchant's wallet → 404. Wallet ids starting with {@code DOWN} answer 503. Every call
 * needs a bearer JWT for audience {@code authorization-service} from {@code office-server-service}, else 401.
 * {@code GET /_test/bodies} lists the raw request bodies received (to check what was sent, card number included).
 */
public final class FakeWalletStore {

    private static final Pattern WALLET = Pattern.compile(
            "/internal/v1/merchants/([^/]+)/wallets/([^/]+)(/payment-means(?:/([^/]+))?)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Mean(int rank, String pan, String expiry, String alias, String brand, boolean deleted) {
    }

    private final HttpServer server;
    private final Map<String, List<Mean>> wallets = new ConcurrentHashMap<>();
    private final List<String> bodies = java.util.Collections.synchronizedList(new ArrayList<>());

    public FakeWalletStore() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
    }

    public void start() {
        server.start();
    }

    public void stop() {
        server.stop(0);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (path.equals("/_test/bodies")) {
                respond(exchange, 200, Map.of("bodies", List.copyOf(bodies)));
                return;
            }
            if (raw.length > 0) {
                bodies.add(new String(raw, java.nio.charset.StandardCharsets.UTF_8));
            }
            if (!hasAudience(exchange)) {
                respond(exchange, 401, Map.of("title", "Unauthorized"));
                return;
            }
            Matcher matcher = WALLET.matcher(path);
            if (!matcher.matches()) {
                respond(exchange, 404, problem(404, null));
                return;
            }
            String merchant = matcher.group(1);
            String wallet = java.net.URLDecoder.decode(matcher.group(2), java.nio.charset.StandardCharsets.UTF_8);
            if (wallet.startsWith("DOWN")) {
                respond(exchange, 503, problem(503, null));
                return;
            }
            String key = merchant + "|" + wallet;
            boolean meansPath = matcher.group(3) != null;
            String rank = matcher.group(4);
            String method = exchange.getRequestMethod();
            synchronized (this) {
                if (meansPath && rank == null && method.equals("POST")) {
                    add(exchange, key, wallet, JSON.readValue(raw, Map.class));
                } else if (!meansPath && method.equals("GET")) {
                    List<Map<String, Object>> live = live(key).stream().map(m -> json(wallet, m)).toList();
                    respond(exchange, live.isEmpty() ? 404 : 200, live.isEmpty() ? problem(404, null)
                            : Map.of("merchantWalletId", wallet, "paymentMeans", live));
                } else if (!meansPath && method.equals("DELETE")) {
                    List<Mean> live = live(key);
                    live.forEach(m -> replace(key, m, m.alias(), true));
                    respondEmpty(exchange, live.isEmpty() ? 404 : 204);
                } else if (rank != null) {
                    Mean found = live(key).stream().filter(m -> String.valueOf(m.rank()).equals(rank))
                            .findFirst().orElse(null);
                    if (found == null) {
                        respond(exchange, 404, problem(404, null));
                    } else if (method.equals("GET")) {
                        respond(exchange, 200, json(wallet, found));
                    } else if (method.equals("DELETE")) {
                        replace(key, found, found.alias(), true);
                        respondEmpty(exchange, 204);
                    } else if (method.equals("PATCH")) {
                        String alias = (String) JSON.readValue(raw, Map.class).get("paymentMeanAlias");
                        respond(exchange, 200, json(wallet, replace(key, found, alias, false)));
                    } else {
                        respond(exchange, 405, problem(405, null));
                    }
                } else {
                    respond(exchange, 405, problem(405, null));
                }
            }
        }
    }

    private void add(HttpExchange exchange, String key, String wallet, Map<?, ?> body) throws IOException {
        Map<?, ?> card = (Map<?, ?>) body.get("card");
        String pan = (String) card.get("number");
        String expiry = (String) card.get("expiryDate");
        if (!CardBrands.isTestPrefix(pan) && !Luhn.isValid(pan)) {
            respond(exchange, 400, problem(400, "card.number"));
            return;
        }
        YearMonth month = YearMonth.of(Integer.parseInt(expiry.substring(0, 4)), Integer.parseInt(expiry.substring(4)));
        if (month.isBefore(YearMonth.now(ZoneOffset.UTC))) {
            respond(exchange, 400, problem(400, "card.expiryDate"));
            return;
        }
        if (body.get("paymentMeanAlias") instanceof String alias && alias.length() > 64) {
            respond(exchange, 400, problem(400, "paymentMeanAlias"));
            return;
        }
        Mean existing = live(key).stream().filter(m -> m.pan().equals(pan)).findFirst().orElse(null);
        if (existing != null) {
            respond(exchange, 200, json(wallet, existing));
            return;
        }
        List<Mean> all = wallets.computeIfAbsent(key, k -> new ArrayList<>());
        List<CardBrand> brands = CardBrands.fromPan(pan);
        String requested = (String) body.get("paymentMeanBrand");
        String brand = brands.stream().map(CardBrand::name).filter(b -> b.equalsIgnoreCase(String.valueOf(requested)))
                .findFirst().orElse(brands.isEmpty() ? requested : brands.get(0).name());
        Mean added = new Mean(all.size() + 1, pan, expiry, (String) body.get("paymentMeanAlias"), brand, false);
        all.add(added);
        respond(exchange, 200, json(wallet, added));
    }

    private List<Mean> live(String key) {
        return wallets.getOrDefault(key, List.of()).stream().filter(m -> !m.deleted()).toList();
    }

    private Mean replace(String key, Mean mean, String alias, boolean deleted) {
        List<Mean> all = wallets.get(key);
        Mean changed = new Mean(mean.rank(), mean.pan(), mean.expiry(), alias, mean.brand(), deleted);
        all.set(all.indexOf(mean), changed);
        return changed;
    }

    private static Map<String, Object> json(String wallet, Mean mean) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("merchantWalletId", wallet);
        json.put("paymentMeanId", String.valueOf(mean.rank()));
        if (mean.alias() != null) {
            json.put("paymentMeanAlias", mean.alias());
        }
        json.put("maskedPan", PanMasking.sipsMaskedPan(mean.pan()));
        json.put("panExpiryDate", mean.expiry());
        if (mean.brand() != null) {
            json.put("paymentMeanBrand", mean.brand());
        }
        json.put("tokenPan", "tk" + Integer.toHexString(mean.pan().hashCode()));
        return json;
    }

    private static Map<String, Object> problem(int status, String field) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("status", status);
        if (field != null) {
            problem.put("field", field);
        }
        return problem;
    }

    private static boolean hasAudience(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = header.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Map<?, ?> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            Object aud = claims.get("aud");
            return ("authorization-service".equals(aud) || aud instanceof List<?> l && l.contains("authorization-service"))
                    && "office-server-service".equals(claims.get("sub"));
        } catch (IOException | IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void respondEmpty(HttpExchange exchange, int status) throws IOException {
        if (status == 404) {
            respond(exchange, 404, problem(404, null));
            return;
        }
        exchange.sendResponseHeaders(status, -1);
    }
}
