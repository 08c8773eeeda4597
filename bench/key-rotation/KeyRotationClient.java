import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client of the key-rotation scenario (JDK only, run as a source file). It creates a merchant of its own through
 * office-server-service, gets its first seal key from key-management-service (rotation + one-time download), then
 * sends sealed Office Server requests without pause while the key is rotated, switching to each new version as soon
 * as it has downloaded it. It checks that every correctly sealed request is accepted, that each new version is
 * accepted from its first request by office-server-service and payment-page-service, and that a superseded version
 * is refused (Sips 34) by both once its notAfter has passed. Tokens come from the environment (KMS_TOKEN,
 * OFFICE_TOKEN), never from the command line.
 */
public class KeyRotationClient {

    record Key(int version, String secret) {
    }

    private static final Pattern RESPONSE_CODE = Pattern.compile("\"responseCode\"\\s*:\\s*\"(\\d+)\"");
    private static final Pattern KEY_VERSION = Pattern.compile("\"keyVersion\"\\s*:\\s*(\\d+)");
    private static final Pattern SECRET = Pattern.compile("\"secretKey\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NOT_AFTER = Pattern.compile("\"notAfter\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PAYPAGE_CODE = Pattern.compile("class=\"response-code\">(\\d+)<");

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    private final String office;
    private final String paypage;
    private final String kms;
    private final String merchant;
    private final String kmsToken = System.getenv("KMS_TOKEN");
    private final String officeToken = System.getenv("OFFICE_TOKEN");
    private volatile Key current;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, AtomicLong> failureKinds = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> sentPerVersion = new ConcurrentHashMap<>();
    private final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private int checksFailed;

    KeyRotationClient(Map<String, String> options) {
        this.options = options;
        this.office = options.getOrDefault("office", "http://127.0.0.1:8083");
        this.paypage = options.getOrDefault("paypage", "http://127.0.0.1:8081");
        this.kms = options.getOrDefault("kms", "http://127.0.0.1:8085");
        this.merchant = options.get("merchant");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        System.exit(new KeyRotationClient(options).run());
    }

    int run() throws Exception {
        int rotations = Integer.parseInt(options.getOrDefault("rotations", "3"));
        Duration overlap = Duration.parse(options.getOrDefault("overlap", "PT20S"));
        Duration interval = Duration.ofSeconds(Long.parseLong(options.getOrDefault("interval", "6")));
        int threads = Integer.parseInt(options.getOrDefault("threads", "4"));

        say("merchant %s (created for this run), %d rotations every %d s, overlap %s, %d connections",
                merchant, rotations, interval.toSeconds(), overlap, threads);
        createMerchant();
        Rotation first = rotate(overlap);
        current = new Key(first.version, download(first.version));
        say("first key: version %d", current.version);
        awaitPaypageKnowsMerchant();

        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int worker = i;
            workers.add(Thread.ofPlatform().name("client-" + i).start(() -> sendContinuously(worker)));
        }
        long loadStarted = System.nanoTime();
        List<String> rows = new ArrayList<>();
        Map<Integer, Instant> notAfters = new LinkedHashMap<>();
        int newFirstOk = 0;
        for (int r = 1; r <= rotations; r++) {
            Thread.sleep(interval.toMillis());
            long t0 = System.nanoTime();
            Rotation rotation = rotate(overlap);
            notAfters.putAll(rotation.deprecatedNotAfter);
            String secret = download(rotation.version);
            long switchedMs = (System.nanoTime() - t0) / 1_000_000;
            Key previous = current;
            current = new Key(rotation.version, secret);
            String officeCode = officeRequest(current, "KR" + System.nanoTime());
            int paypageStatus = paypagePost(current).status;
            boolean ok = ("25".equals(officeCode) || "00".equals(officeCode)) && paypageStatus == 303;
            if (ok) {
                newFirstOk += 2;
            } else {
                checksFailed++;
            }
            rows.add(String.format("  rotation %d: version %d -> %d, old notAfter %s, switched after %d ms, "
                            + "first request with v%d: office-server %s, payment-page HTTP %d%s",
                    r, previous.version, rotation.version, rotation.deprecatedNotAfter.get(previous.version),
                    switchedMs, rotation.version, officeCode, paypageStatus, ok ? "" : "  <-- FAILED"));
        }
        rows.forEach(System.out::println);

        // the first superseded version, once past its end of validity, must be refused everywhere
        int oldVersion = first.version;
        Key old = new Key(oldVersion, firstSecret(oldVersion));
        Instant end = notAfters.get(oldVersion);
        long waitMs = Duration.between(Instant.now(), end).toMillis() + 1500;
        if (waitMs > 0) {
            say("waiting %.1f s for version %d's notAfter (%s)", waitMs / 1000.0, oldVersion, end);
            Thread.sleep(waitMs);
        }
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - loadStarted) / 1e9;
        String officeOld = officeRequest(old, "KROLD" + System.nanoTime());
        PaypageAnswer paypageOld = paypagePost(old);
        boolean officeRefused = "34".equals(officeOld);
        boolean paypageRefused = paypageOld.status == 400 && "34".equals(paypageOld.code);
        if (!officeRefused || !paypageRefused) {
            checksFailed++;
        }
        if (failures.get() > 0) {
            checksFailed++;
        }

        List<Long> sorted;
        synchronized (latenciesMicros) {
            sorted = new ArrayList<>(latenciesMicros);
        }
        Collections.sort(sorted);
        System.out.println();
        say("requests sent (sealed correctly, under load): %d in %.1f s = %.0f/s; per version %s", sent.get(),
                seconds, sent.get() / seconds, new java.util.TreeMap<>(sentPerVersion));
        say("failures among them: %d %s", failures.get(), failureKinds);
        say("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms", pct(sorted, 50), pct(sorted, 99), pct(sorted, 100));
        say("new version accepted from its first request: %d of %d (office-server + payment-page)", newFirstOk,
                2 * rotations);
        say("version %d after its notAfter: office-server responseCode %s, payment-page HTTP %d code %s -> %s",
                oldVersion, officeOld, paypageOld.status, paypageOld.code,
                officeRefused && paypageRefused ? "refused (expected)" : "NOT REFUSED");
        System.out.printf("KR_RESULT requests=%d failures=%d req_per_s=%.0f p50_ms=%.1f p99_ms=%.1f rotations=%d "
                        + "new_first_ok=%d/%d old_refused_office=%s old_refused_paypage=%s%n",
                sent.get(), failures.get(), sent.get() / seconds, pct(sorted, 50), pct(sorted, 99), rotations,
                newFirstOk, 2 * rotations, officeRefused ? 1 : 0, paypageRefused ? 1 : 0);
        return checksFailed == 0 ? 0 : 1;
    }

    private final Map<Integer, String> secrets = new ConcurrentHashMap<>();

    private String firstSecret(int version) {
        return secrets.get(version);
    }

    private void sendContinuously(int worker) {
        long n = 0;
        while (running.get()) {
            Key key = current;
            long started = System.nanoTime();
            String code;
            try {
                code = officeRequest(key, "KRT" + worker + "N" + (n++));
            } catch (Exception e) {
                code = "io:" + e.getClass().getSimpleName();
            }
            latenciesMicros.add((System.nanoTime() - started) / 1000);
            sent.incrementAndGet();
            sentPerVersion.computeIfAbsent(key.version, v -> new AtomicLong()).incrementAndGet();
            if (!"25".equals(code) && !"00".equals(code)) {
                failures.incrementAndGet();
                failureKinds.computeIfAbsent("v" + key.version + ":" + code, k -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    /** getTransactionData of an unknown reference: 25 when the seal is accepted, 34 when it is not. */
    private String officeRequest(Key key, String reference) throws Exception {
        String interfaceVersion = "DR_WS_2.3";
        String seal = hmac(key.secret, interfaceVersion + merchant + reference);
        String body = "{\"interfaceVersion\":\"" + interfaceVersion + "\",\"keyVersion\":" + key.version
                + ",\"merchantId\":\"" + merchant + "\",\"transactionReference\":\"" + reference
                + "\",\"seal\":\"" + seal + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(office + "/rs-services/v2/diagnostic/getTransactionData"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = RESPONSE_CODE.matcher(response.body());
        return m.find() ? m.group(1) : "http" + response.statusCode();
    }

    record PaypageAnswer(int status, String code) {
    }

    /** A Paypage POST sealed with {@code key}: 303 to the card page when accepted, 400 with the Sips code when not. */
    private PaypageAnswer paypagePost(Key key) throws Exception {
        String data = "amount=1250|currencyCode=978|merchantId=" + merchant
                + "|normalReturnUrl=http://127.0.0.1:9/return|transactionReference=KRP" + System.nanoTime()
                + "|keyVersion=" + key.version;
        String form = "Data=" + enc(data) + "&Seal=" + hmac(key.secret, data) + "&InterfaceVersion=HP_2.24"
                + "&SealAlgorithm=HMAC-SHA-256";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(paypage + "/paymentInit"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = PAYPAGE_CODE.matcher(response.body());
        return new PaypageAnswer(response.statusCode(), m.find() ? m.group(1) : "-");
    }

    private void createMerchant() throws Exception {
        String settings = "{\"merchantId\":\"" + merchant + "\",\"shopName\":\"Key rotation bench\",\"mode\":\"TEST\","
                + "\"allowedUrlPatterns\":[\"http://127.0.0.1:*\"],\"legacySha256Allowed\":false,"
                + "\"currencies\":[\"978\"],\"languages\":[\"en\"],\"defaultLanguage\":\"en\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(office + "/internal/v1/merchants/" + merchant))
                .header("Authorization", "Bearer " + officeToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(settings)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "create the merchant (office-server-service PUT /internal/v1/merchants; the local "
                + "launcher allows batch-service through CAISSE_INTERNAL_MERCHANT_WRITERS)");
    }

    record Rotation(int version, Map<Integer, Instant> deprecatedNotAfter) {
    }

    private Rotation rotate(Duration overlap) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(kms + "/internal/v1/merchants/" + merchant + "/keys/rotations"))
                .header("Authorization", "Bearer " + kmsToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"environment\":\"TEST\",\"overlap\":\"" + overlap + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 201, "rotate (key-management-service; an overlap below caisse.keys.min-overlap is refused: "
                + "start the platform with CAISSE_KEYS_MIN_OVERLAP=PT10S, the launcher's default)");
        String body = response.body();
        int split = body.indexOf("\"deprecated\"");
        Matcher version = KEY_VERSION.matcher(body.substring(0, split));
        if (!version.find()) {
            throw new IllegalStateException("rotation answer without keyVersion");
        }
        Map<Integer, Instant> deprecated = new LinkedHashMap<>();
        for (String item : body.substring(split).split("\\{")) {
            Matcher v = KEY_VERSION.matcher(item);
            Matcher n = NOT_AFTER.matcher(item);
            if (v.find() && n.find()) {
                deprecated.put(Integer.parseInt(v.group(1)), Instant.parse(n.group(1)));
            }
        }
        return new Rotation(Integer.parseInt(version.group(1)), deprecated);
    }

    private String download(int version) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(kms + "/internal/v1/merchants/" + merchant + "/keys/" + version + "/download"))
                .header("Authorization", "Bearer " + kmsToken).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "download key version " + version);
        Matcher m = SECRET.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("download answer without secretKey");
        }
        secrets.put(version, m.group(1));
        return m.group(1);
    }

    /** Merchant settings reach payment-page-service through Kafka: wait until a correct Paypage POST passes. */
    private void awaitPaypageKnowsMerchant() throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        PaypageAnswer answer;
        while ((answer = paypagePost(current)).status != 303) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("payment-page-service did not accept the new merchant within 30 s"
                        + " (last: HTTP " + answer.status + " code " + answer.code + ")");
            }
            Thread.sleep(300);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            String body = response.body();
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }

    private static String hmac(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
