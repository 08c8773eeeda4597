package org.caisse.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A merchant's web server on loopback: receives the shopper's return POST and the platform's
 * automatic response, as form posts, and keeps them for inspection.
 */
public final class MerchantReceiver implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<Map<String, String>> returns = new LinkedBlockingQueue<>();
    private final BlockingQueue<Map<String, String>> notifications = new LinkedBlockingQueue<>();
    private final Map<String, String> checkoutPages = new java.util.concurrent.ConcurrentHashMap<>();

    private MerchantReceiver(HttpServer server) {
        this.server = server;
    }

    public static MerchantReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            MerchantReceiver receiver = new MerchantReceiver(server);
            server.createContext("/return", exchange -> receiver.accept(exchange, receiver.returns));
            server.createContext("/notify", exchange -> receiver.accept(exchange, receiver.notifications));
            server.createContext("/checkout/", receiver::checkout);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the merchant receiver", e);
        }
    }

    public URI returnUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/return");
    }

    public URI notificationUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/notify");
    }

    /**
     * A shop's checkout page whose "Pay" button ({@code id="pay"}) POSTs {@code fields} to {@code action} from the
     * shopper's browser, as a merchant's site posts the sealed Paypage request.
     */
    public URI checkoutPage(URI action, Map<String, String> fields) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Shop checkout</title></head><body><form method=\"post\" action=\"")
                .append(escape(action.toString())).append("\">");
        fields.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">"));
        html.append("<button id=\"pay\" type=\"submit\">Pay</button></form></body></html>");
        String id = java.util.UUID.randomUUID().toString();
        checkoutPages.put(id, html.toString());
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/checkout/" + id);
    }

    private void checkout(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring("/checkout/".length());
            String page = checkoutPages.get(id);
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public Optional<Map<String, String>> awaitReturn(Duration timeout) {
        return poll(returns, timeout);
    }

    public Optional<Map<String, String>> awaitNotification(Duration timeout) {
        return poll(notifications, timeout);
    }

    public int pendingNotifications() {
        return notifications.size();
    }

    private static Optional<Map<String, String>> poll(BlockingQueue<Map<String, String>> queue, Duration timeout) {
        try {
            return Optional.ofNullable(queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void accept(HttpExchange exchange, BlockingQueue<Map<String, String>> sink) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            sink.add(parseForm(body));
            byte[] answer = "OK".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
