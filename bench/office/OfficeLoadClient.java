import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client of the office-cardorder and office-refund scenarios (JDK only, run as a source file): concurrent
 * merchant servers sending sealed Office Server JSON requests to office-server-service, which has
 * authorization-service execute them.
 * <ul>
 * <li>{@code cardOrder}: {@code POST /rs-services/v2/checkout/cardOrder}, a new transaction per request (unique
 * reference, a TEST card never enrolled in 3-D Secure and approved), expecting {@code responseCode 00};</li>
 * <li>{@code refund}: first one cardOrder of a large amount per connection, today's remittance run for the merchant
 * (authorization-service's operator endpoint, with the service token given) so that they are captured, then
 * {@code POST /rs-services/v2/cashManagement/refund} of 1 cent after another on them, each with its own
 * {@code operationOrigin} so that no two refunds share a seal (a repeated seal is a replay), expecting
 * {@code 00}.</li>
 * </ul>
 * The seal is computed here (HMAC-SHA-256 over the values sorted by field name, without keyVersion, sealAlgorithm
 * and seal), independently of the platform's codec. A check request runs first (exit 2 on failure), then the warm-up
 * and the measured window, whose edges are marked by the files {@code <marks>.start} and {@code <marks>.end}. The last
 * line is {@code OF_RESULT k=v ...}.
 */
public class OfficeLoadClient {

    private static final Pattern CODE = Pattern.compile("\"responseCode\"\\s*:\\s*\"(\\d+)\"");
    private static final HexFormat HEX = HexFormat.of();

    record Options(URI office, URI authorization, URI keyManagement, String merchant, String key, int keyVersion,
                   String operation, int connections, int seconds, int warmup, Path marks, String serviceToken,
                   String officeToken, String keysToken) {
    }

    private static final Pattern KEY_VERSION = Pattern.compile("\"keyVersion\"\\s*:\\s*(\\d+)");
    private static final Pattern SECRET = Pattern.compile("\"secretKey\"\\s*:\\s*\"([^\"]+)\"");

    private Options options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, String> errorExamples = new ConcurrentHashMap<>();

    OfficeLoadClient(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Options options = new Options(URI.create(a.get("office")), URI.create(a.get("authorization")),
                URI.create(a.get("key-management")), a.get("merchant"), a.get("key"),
                Integer.parseInt(a.get("key-version")), a.get("operation"), Integer.parseInt(a.get("connections")),
                Integer.parseInt(a.get("seconds")), Integer.parseInt(a.get("warmup")), Path.of(a.get("marks")),
                a.getOrDefault("service-token", ""), a.getOrDefault("office-token", ""),
                a.getOrDefault("keys-token", ""));
        System.exit(new OfficeLoadClient(options).run());
    }

    int run() throws Exception {
        List<String> targets = new ArrayList<>();
        try {
            if (options.operation.equals("refund")) {
                ownMerchant();
                for (int i = 0; i < options.connections; i++) {
                    targets.add(cardOrder(10_000_000L));
                }
                captureToday();
                refund(targets.get(0));
            } else {
                cardOrder(1250);
            }
        } catch (RuntimeException e) {
            System.out.println("check failed: " + e.getMessage());
            return 2;
        }
        System.out.printf("check passed: one sealed %s answered 00%n", options.operation);
        long warmupEnd = System.nanoTime() + options.warmup * 1_000_000_000L;
        long windowEnd = warmupEnd + options.seconds * 1_000_000_000L;
        long[][] latencies = new long[options.connections][];
        int[] counts = new int[options.connections];
        Thread[] threads = new Thread[options.connections];
        for (int i = 0; i < options.connections; i++) {
            int index = i;
            threads[i] = Thread.ofPlatform().start(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                String target = targets.isEmpty() ? null : targets.get(index);
                while (System.nanoTime() < windowEnd) {
                    long start = System.nanoTime();
                    boolean ok = once(target);
                    long end = System.nanoTime();
                    if (ok && start >= warmupEnd && end <= windowEnd) {
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = (end - start) / 1000;
                    }
                }
                latencies[index] = mine;
                counts[index] = n;
            });
        }
        sleepUntil(warmupEnd);
        Files.writeString(Path.of(options.marks + ".start"), "");
        long errorsAtStart = totalErrors();
        sleepUntil(windowEnd);
        Files.writeString(Path.of(options.marks + ".end"), "");
        long windowErrors = totalErrors() - errorsAtStart;
        for (Thread t : threads) {
            t.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < options.connections; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        double perSecond = total / (double) options.seconds;
        System.out.printf("%n%s through office-server-service, %d connections, %d s measured:%n", options.operation,
                options.connections, options.seconds);
        System.out.printf("  answered 00: %,d (%.1f/s)   errors in the window: %d%n", total, perSecond, windowErrors);
        System.out.printf("  latency ms  p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n", pct(all, 50),
                pct(all, 90), pct(all, 99), pct(all, 99.9), all.length == 0 ? 0 : all[all.length - 1] / 1000.0);
        errors.forEach((kind, n) -> System.out.printf("  error %-28s %,d   e.g. %s%n", kind, n.get(),
                errorExamples.get(kind)));
        System.out.printf("OF_RESULT %s_per_s=%.1f p50_ms=%.1f p99_ms=%.1f errors=%d%n",
                options.operation.equals("refund") ? "refunds" : "orders", perSecond, pct(all, 50), pct(all, 99),
                windowErrors);
        return 0;
    }

    private boolean once(String target) {
        try {
            if (target == null) {
                cardOrder(1250);
            } else {
                refund(target);
            }
            return true;
        } catch (RuntimeException e) {
            String kind = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split(":")[0];
            errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            errorExamples.putIfAbsent(kind, String.valueOf(e.getMessage()));
            return false;
        }
    }

    /** A sealed cardOrder of {@code amount} cents; its transaction reference. */
    private String cardOrder(long amount) {
        long n = counter.incrementAndGet();
        String reference = "OB" + run + "N" + n;
        YearMonth expiry = YearMonth.now().plusYears(3);
        Map<String, Object> body = new TreeMap<>();
        body.put("amount", amount);
        body.put("currencyCode", "978");
        body.put("merchantId", options.merchant);
        body.put("interfaceVersion", "IR_WS_2.47");
        body.put("keyVersion", options.keyVersion);
        body.put("transactionReference", reference);
        // VISA test card, digits 7-8 "01" (not enrolled in 3-D Secure), approved ("00"), a new card per request
        body.put("cardNumber", String.format("41000001%06d00", n % 1_000_000));
        body.put("cardExpiryDate", String.format("%d%02d", expiry.getYear(), expiry.getMonthValue()));
        body.put("cardCSCValue", "123");
        body.put("captureMode", "AUTHOR_CAPTURE");
        body.put("captureDay", 0);
        body.put("orderChannel", "INTERNET");
        send("checkout/cardOrder", body);
        return reference;
    }

    private void refund(String reference) {
        Map<String, Object> body = new TreeMap<>();
        body.put("currencyCode", "978");
        body.put("merchantId", options.merchant);
        body.put("interfaceVersion", "CR_WS_2.47");
        body.put("keyVersion", options.keyVersion);
        body.put("transactionReference", reference);
        body.put("operationAmount", 1);
        body.put("operationOrigin", "B" + run + counter.incrementAndGet());
        send("cashManagement/refund", body);
    }

    private void send(String service, Map<String, Object> body) {
        StringBuilder sealString = new StringBuilder();
        body.forEach((field, value) -> {
            if (!field.equals("keyVersion")) {
                sealString.append(value);
            }
        });
        StringBuilder json = new StringBuilder("{");
        body.forEach((field, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(field)
                .append("\":").append(value instanceof String s ? "\"" + s + "\"" : value));
        json.append(",\"seal\":\"").append(hmac(sealString.toString())).append("\"}");
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(options.office.resolve("/rs-services/v2/" + service))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("io: " + e.getClass().getSimpleName(), e);
        }
        Matcher code = CODE.matcher(answer.body());
        if (answer.statusCode() != 200 || !code.find() || !code.group(1).equals("00")) {
            throw new IllegalStateException("http" + answer.statusCode() + (code.find(0) ? "-code" + code.group(1) : "")
                    + ": " + answer.body().substring(0, Math.min(200, answer.body().length())));
        }
    }

    /**
     * A merchant of the run's own (TEST mode, a TEST key rotated in and taken once), so that the remittance that
     * captures the transactions to refund runs over those few only, never over what earlier runs left.
     */
    private void ownMerchant() {
        String merchant = String.format("%015d", Math.floorMod(System.nanoTime(), 1_000_000_000_000_000L));
        String settings = "{\"merchantId\":\"" + merchant + "\",\"shopName\":\"Office refund bench\",\"mode\":\"TEST\","
                + "\"allowedUrlPatterns\":[\"http://127.0.0.1:*\"],\"legacySha256Allowed\":false,"
                + "\"currencies\":[\"978\"],\"languages\":[\"en\"],\"defaultLanguage\":\"en\"}";
        call(HttpRequest.newBuilder(options.office.resolve("/internal/v1/merchants/" + merchant))
                .header("Authorization", "Bearer " + options.officeToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(settings)), "create the merchant");
        String rotation = call(HttpRequest.newBuilder(
                        options.keyManagement.resolve("/internal/v1/merchants/" + merchant + "/keys/rotations"))
                .header("Authorization", "Bearer " + options.keysToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"environment\":\"TEST\",\"overlap\":\"PT10S\"}")),
                "create its key");
        Matcher version = KEY_VERSION.matcher(rotation);
        if (!version.find()) {
            throw new IllegalStateException("key: no keyVersion in " + rotation);
        }
        String download = call(HttpRequest.newBuilder(options.keyManagement.resolve(
                        "/internal/v1/merchants/" + merchant + "/keys/" + version.group(1) + "/download"))
                .header("Authorization", "Bearer " + options.keysToken).POST(HttpRequest.BodyPublishers.noBody()),
                "take its key");
        Matcher secret = SECRET.matcher(download);
        if (!secret.find()) {
            throw new IllegalStateException("key: no secretKey in the download answer");
        }
        options = new Options(options.office, options.authorization, options.keyManagement, merchant, secret.group(1),
                Integer.parseInt(version.group(1)), options.operation, options.connections, options.seconds,
                options.warmup, options.marks, options.serviceToken, options.officeToken, options.keysToken);
        System.out.printf("merchant %s created for this run, key version %s%n", merchant, version.group(1));
    }

    private String call(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(what + ": HTTP " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted", e);
        }
    }

    private void captureToday() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            options.authorization.resolve("/internal/v1/remittance/runs"))
                    .timeout(Duration.ofMinutes(15)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + options.serviceToken)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"merchantId\":\"" + options.merchant + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("remittance: HTTP " + answer.statusCode() + " " + answer.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("remittance: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("remittance: interrupted", e);
        }
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(options.key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private long totalErrors() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.min(left / 1_000_000 + 1, 200));
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
}
