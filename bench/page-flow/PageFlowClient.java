import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
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
 * The client of the page-flow scenario (JDK only, run as a source file). Each virtual shopper runs complete hosted
 * payment page flows one after the other, as a merchant's server and a shopper's browser would:
 * <ol>
 * <li>page-init: the sealed Paypage POST ({@code POST /paymentInit}, 303 to {@code /payment/{id}}), then the card
 * page ({@code GET /payment/{id}}) from which the CSRF token is read;</li>
 * <li>card-submit: {@code POST /payment/{id}/card} with a TEST card that is approved without a 3-D Secure challenge
 * (303 to the ticket), then the ticket ({@code GET /payment/{id}/ticket}), which must show the accepted outcome with
 * response code 00.</li>
 * </ol>
 * A check flow runs first and stops the client (exit 2) when it fails. Then the warm-up (unmeasured) and the measured
 * window: a request, step or flow counts when it ends inside the window. The client touches {@code <marks>.start} and
 * {@code <marks>.end} at the window's edges, so that the caller can read the CPU of the other processes over the same
 * window. Figures go to stdout; the last line is {@code PF_RESULT k=v ...}.
 */
public class PageFlowClient {

    /** The timed parts of a flow; the two steps and the whole flow are also kept, each as its own series. */
    enum Part {
        INIT_POST("POST /paymentInit"), CARD_PAGE("GET /payment/{id}"), CARD_POST("POST /payment/{id}/card"),
        TICKET("GET /payment/{id}/ticket"), INIT_STEP("page-init (POST + card page)"),
        CARD_STEP("card-submit (POST + ticket)"), FLOW("whole flow");

        final String label;

        Part(String label) {
            this.label = label;
        }
    }

    /** Latencies in microseconds, one recorder per shopper thread (no locking on the hot path). */
    static final class Recorder {
        long[] values = new long[4096];
        int size;

        void add(long micros) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = micros;
        }
    }

    /** A flow step that did not give the expected answer; {@code kind} names it for the error table. */
    static final class FlowError extends Exception {
        final String kind;

        FlowError(String kind, String detail) {
            super(detail, null, false, false);
            this.kind = kind;
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");
    private static final Pattern PAGE_CODE = Pattern.compile("class=\"response-code\">(\\d+)<");
    private static final Pattern OUTCOME = Pattern.compile("class=\"outcome outcome-([A-Z]+)\"");
    private static final Pattern PAYMENT_PATH = Pattern.compile("^(?:https?://[^/]+)?(/payment/[0-9a-fA-F-]{36})$");

    private final String paypage;
    private final String merchant;
    private final int keyVersion;
    private final String secret;
    private final String returnUrl;
    private final int amount;
    private final int shoppers;
    private final int warmupSeconds;
    private final int measureSeconds;
    private final String marks;
    private final String runId;
    private final String expiry = YearMonth.now().plusYears(3).format(DateTimeFormatter.ofPattern("MM/yy"));
    private final HttpClient http;
    private final ThreadLocal<Mac> macs;

    /** Card digits 9-14: unique per flow within a run, from a random start so that runs rarely reuse a card. */
    private final AtomicLong cardCounter = new AtomicLong(new SecureRandom().nextInt(1_000_000));
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, String> errorSamples = new ConcurrentHashMap<>();
    private final AtomicLong warmupFlows = new AtomicLong();
    private final AtomicLong warmupErrors = new AtomicLong();
    private final List<Recorder[]> recorders = new ArrayList<>();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean running = true;

    PageFlowClient(Map<String, String> options) {
        this.paypage = options.getOrDefault("paypage", "http://127.0.0.1:8081");
        this.merchant = options.getOrDefault("merchant", "002001000000001");
        this.keyVersion = Integer.parseInt(options.getOrDefault("key-version", "1"));
        this.secret = options.getOrDefault("secret", merchant + "_KEY" + keyVersion);
        this.returnUrl = options.getOrDefault("return-url", "http://127.0.0.1:18080/return");
        this.amount = Integer.parseInt(options.getOrDefault("amount", "1250"));
        this.shoppers = Integer.parseInt(options.getOrDefault("connections", "16"));
        this.warmupSeconds = Integer.parseInt(options.getOrDefault("warmup", "30"));
        this.measureSeconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        this.marks = options.get("marks");
        // letters and digits only (Sips transactionReference), unique per run: clock in base 36 + 16 random bits
        this.runId = ("PF" + Long.toString(System.currentTimeMillis() / 1000, 36)
                + String.format("%04x", new SecureRandom().nextInt(0x10000))).toUpperCase();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return mac;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                System.err.println("options are --name=value (got " + arg + ")");
                System.exit(2);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        System.exit(new PageFlowClient(options).run());
    }

    int run() throws Exception {
        say("merchant %s key version %d, return URL %s, amount %d EUR cents, card 41000002xxxxxx00 (VISA, 3-D Secure "
                + "frictionless, approved), expiry %s; references %sT<shopper>N<n>", merchant, keyVersion, returnUrl,
                amount, expiry, runId);

        Recorder[] checkRecorder = newRecorders();
        try {
            long started = System.nanoTime();
            flow(-1, 0, checkRecorder);
            say("check: one flow (paymentInit 303, card page with its CSRF token, card 303, ticket accepted 00) "
                    + "in %.0f ms", (System.nanoTime() - started) / 1e6);
        } catch (FlowError e) {
            say("CHECK FAILED at %s: %s", e.kind, e.getMessage());
            say("the payment page at %s does not complete a flow for merchant %s; nothing measured", paypage,
                    merchant);
            return 2;
        } catch (Exception e) {
            say("CHECK FAILED: %s: %s (is payment-page-service running at %s?)", e.getClass().getSimpleName(),
                    e.getMessage(), paypage);
            return 2;
        }

        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < shoppers; i++) {
            Recorder[] own = newRecorders();
            recorders.add(own);
            int shopper = i;
            workers.add(Thread.ofPlatform().name("shopper-" + i).start(() -> shop(shopper, own)));
        }
        say("warm-up: %d shoppers for %d s (unmeasured)", shoppers, warmupSeconds);
        Thread.sleep(warmupSeconds * 1000L);
        long warmFlows = warmupFlows.get();
        say("warm-up done: %d flows (%.1f/s), %d errors", warmFlows, warmFlows / (double) Math.max(1, warmupSeconds),
                warmupErrors.get());

        long cpuBefore = processCpuNanos();
        windowStart = System.nanoTime();
        windowEnd = windowStart + measureSeconds * 1_000_000_000L;
        mark("start");
        say("measuring: %d s", measureSeconds);
        Thread.sleep(Math.max(0, (windowEnd - System.nanoTime()) / 1_000_000));
        while (System.nanoTime() < windowEnd) {
            Thread.onSpinWait();
        }
        long cpuAfter = processCpuNanos();
        mark("end");
        running = false;
        for (Thread worker : workers) {
            worker.join(15_000);
        }
        report(cpuAfter - cpuBefore);
        return 0;
    }

    private void shop(int shopper, Recorder[] own) {
        long n = 0;
        while (running) {
            try {
                flow(shopper, n++, own);
                if (System.nanoTime() < windowStart) {
                    warmupFlows.incrementAndGet();
                }
            } catch (FlowError e) {
                error(e.kind, e.getMessage());
            } catch (Exception e) {
                String kind = "io:" + e.getClass().getSimpleName();
                error(kind, String.valueOf(e.getMessage()));
            }
        }
    }

    private void error(String kind, String detail) {
        long now = System.nanoTime();
        if (now < windowStart) {
            warmupErrors.incrementAndGet();
        } else if (now <= windowEnd) {
            errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            errorSamples.putIfAbsent(kind, detail);
        }
    }

    /** One complete flow; each request, step and the flow are recorded when they end inside the window. */
    private void flow(int shopper, long n, Recorder[] rec) throws Exception {
        String reference = runId + (shopper < 0 ? "C" : "T" + shopper) + "N" + n;
        long t0 = System.nanoTime();
        HttpResponse<String> init = post(paypage + "/paymentInit", initForm(reference));
        long t1 = System.nanoTime();
        if (init.statusCode() != 303) {
            Matcher code = PAGE_CODE.matcher(init.body());
            throw new FlowError("init:http" + init.statusCode() + (code.find() ? ":code" + code.group(1) : ""),
                    "POST /paymentInit answered " + init.statusCode() + " instead of 303");
        }
        Matcher location = PAYMENT_PATH.matcher(init.headers().firstValue("Location").orElse(""));
        if (!location.find()) {
            throw new FlowError("init:location", "303 without a /payment/{id} Location: "
                    + init.headers().firstValue("Location").orElse("(none)"));
        }
        String paymentPath = location.group(1);
        HttpResponse<String> page = get(paypage + paymentPath);
        long t2 = System.nanoTime();
        if (page.statusCode() != 200) {
            throw new FlowError("page:http" + page.statusCode(), "GET " + paymentPath + " answered "
                    + page.statusCode());
        }
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new FlowError("page:no-csrf", "the card page has no csrf hidden input");
        }
        record(rec, Part.INIT_POST, t0, t1);
        record(rec, Part.CARD_PAGE, t1, t2);
        record(rec, Part.INIT_STEP, t0, t2);

        String form = "csrf=" + csrf.group(1) + "&cardNumber=" + card() + "&expiry=" + enc(expiry) + "&cvv=123";
        long t3 = System.nanoTime();
        HttpResponse<String> card = post(paypage + paymentPath + "/card", form);
        long t4 = System.nanoTime();
        if (card.statusCode() != 303) {
            throw new FlowError("card:http" + card.statusCode(), "POST " + paymentPath + "/card answered "
                    + card.statusCode() + " instead of 303");
        }
        String ticketLocation = card.headers().firstValue("Location").orElse("");
        if (!ticketLocation.endsWith(paymentPath + "/ticket")) {
            throw new FlowError("card:location", "303 to " + ticketLocation + " instead of the ticket");
        }
        HttpResponse<String> ticket = get(paypage + paymentPath + "/ticket");
        long t5 = System.nanoTime();
        if (ticket.statusCode() != 200) {
            throw new FlowError("ticket:http" + ticket.statusCode(), "the ticket answered " + ticket.statusCode());
        }
        Matcher outcome = OUTCOME.matcher(ticket.body());
        Matcher code = PAGE_CODE.matcher(ticket.body());
        String shownOutcome = outcome.find() ? outcome.group(1) : "none";
        String shownCode = code.find() ? code.group(1) : "none";
        if (!"ACCEPTED".equals(shownOutcome) || !"00".equals(shownCode)) {
            throw new FlowError("ticket:" + shownOutcome + ":" + shownCode,
                    "the ticket shows outcome " + shownOutcome + " with response code " + shownCode);
        }
        record(rec, Part.CARD_POST, t3, t4);
        record(rec, Part.TICKET, t4, t5);
        record(rec, Part.CARD_STEP, t3, t5);
        record(rec, Part.FLOW, t0, t5);
    }

    private void record(Recorder[] rec, Part part, long start, long end) {
        if (end >= windowStart && end <= windowEnd) {
            rec[part.ordinal()].add((end - start) / 1000);
        }
    }

    /** The merchant's side: the Data string, sealed HMAC-SHA-256 over the exact Data (SIPS.md §2, §4). */
    private String initForm(String reference) {
        String data = "amount=" + amount + "|currencyCode=978|merchantId=" + merchant + "|normalReturnUrl="
                + returnUrl + "|transactionReference=" + reference + "|keyVersion=" + keyVersion
                + "|orderChannel=INTERNET|customerLanguage=en";
        String seal = HexFormat.of().formatHex(macs.get().doFinal(data.getBytes(StandardCharsets.UTF_8)));
        return "Data=" + enc(data) + "&Seal=" + seal + "&InterfaceVersion=HP_2.24&SealAlgorithm=HMAC-SHA-256";
    }

    /** 410000 (VISA test prefix), 02 (3-D Secure frictionless), six digits unique per flow, 00 (approved). */
    private String card() {
        return "41000002" + String.format("%06d", cardCounter.getAndIncrement() % 1_000_000) + "00";
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void report(long clientCpuNanos) {
        long[][] sorted = new long[Part.values().length][];
        for (Part part : Part.values()) {
            int total = 0;
            for (Recorder[] own : recorders) {
                total += own[part.ordinal()].size;
            }
            long[] all = new long[total];
            int at = 0;
            for (Recorder[] own : recorders) {
                Recorder r = own[part.ordinal()];
                System.arraycopy(r.values, 0, all, at, r.size);
                at += r.size;
            }
            Arrays.sort(all);
            sorted[part.ordinal()] = all;
        }
        long flows = sorted[Part.FLOW.ordinal()].length;
        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
        double flowsPerSecond = flows / (double) measureSeconds;

        System.out.println();
        say("measured %d s, %d shoppers: %d complete flows = %.1f flows/s (%.1f requests/s), %d errors",
                measureSeconds, shoppers, flows, flowsPerSecond, 4 * flowsPerSecond, errorCount);
        say("  %-30s %7s %8s %8s %8s %8s %8s", "latency (ms)", "count", "mean", "p50", "p90", "p99", "max");
        for (Part part : Part.values()) {
            long[] s = sorted[part.ordinal()];
            say("  %-30s %7d %8.1f %8.1f %8.1f %8.1f %8.1f", part.label, s.length, mean(s), pct(s, 50), pct(s, 90),
                    pct(s, 99), pct(s, 100));
        }
        long[] init = sorted[Part.INIT_STEP.ordinal()];
        long[] card = sorted[Part.CARD_STEP.ordinal()];
        boolean cardSlower = pct(card, 99) >= pct(init, 99);
        double fast99 = Math.max(0.001, Math.min(pct(init, 99), pct(card, 99)));
        double flowMean = Math.max(0.001, mean(init) + mean(card));
        say("slowest step: %s, p99 %.1f times the other's; of a flow's mean time, page-init takes %.0f %%, "
                + "card-submit %.0f %%", cardSlower ? "card-submit" : "page-init",
                Math.max(pct(init, 99), pct(card, 99)) / fast99, 100 * mean(init) / flowMean,
                100 * mean(card) / flowMean);
        if (errorCount > 0) {
            say("errors by kind (one example each):");
            new TreeMap<>(errors).forEach((kind, count) -> say("  %-28s %6d  %s", kind, count.get(),
                    errorSamples.get(kind)));
        }
        say("client CPU over the window: %.1f s (%.2f cores)", clientCpuNanos / 1e9,
                clientCpuNanos / 1e9 / measureSeconds);
        System.out.printf("PF_RESULT flows_per_s=%.1f init_p99_ms=%.1f card_p99_ms=%.1f errors=%d%n", flowsPerSecond,
                pct(init, 99), pct(card, 99), errorCount);
    }

    private void mark(String edge) {
        if (marks == null) {
            return;
        }
        try {
            Files.writeString(Path.of(marks + "." + edge), "");
        } catch (Exception e) {
            say("could not write the %s mark: %s", edge, e.getMessage());
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static Recorder[] newRecorders() {
        Recorder[] own = new Recorder[Part.values().length];
        for (int i = 0; i < own.length; i++) {
            own[i] = new Recorder();
        }
        return own;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static double mean(long[] values) {
        return values.length == 0 ? 0 : Arrays.stream(values).average().orElse(0) / 1000.0;
    }

    /** Nearest-rank percentile of sorted microseconds, in milliseconds (100 = the maximum). */
    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
