package org.caisse.keymanagement.adapter.in.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.caisse.keymanagement.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The key site in a real browser (headless Chromium) against the local Keycloak: first sign-in with a temporary
 * password, the password rules, the merchant page, CSE key generation, a key requested and downloaded once, a
 * custodian's rotation and dual-controlled revocation, languages, contrast, CSRF, sign-out. Needs {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (Debian packages {@code chromium} and {@code chromium-driver}).
 */
@QuarkusTest
class KeySiteBrowserTest extends TestInfrastructure {

    private static final String DEMO_MERCHANT = "002001000000001";
    private static final String TEMPORARY_PASSWORD = "Temporary-Pass-2026!";
    private static final String NEW_PASSWORD = "Caisse-Site-Strong-2026";

    private final KeycloakAdmin keycloak = new KeycloakAdmin();
    private final List<String> users = new ArrayList<>();
    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;
    private Path downloads;

    @BeforeEach
    void openBrowser() throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin/chromium")) || !Files.isExecutable(Path.of("/usr/bin/chromedriver"))) {
            throw new IllegalStateException("The key site browser test needs /usr/bin/chromium and /usr/bin/chromedriver:"
                    + " apt-get install -y chromium chromium-driver");
        }
        profile = Files.createTempDirectory("caisse-site-chromium");
        downloads = Files.createTempDirectory("caisse-site-downloads");
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile,
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=fr");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        users.forEach(keycloak::deleteUser);
        users.clear();
        deleteTree(profile);
        deleteTree(downloads);
    }

    @Test
    void firstSignInForcesAPasswordChangeRefusesAWeakOneThenShowsOnlyTheUsersMerchant() {
        // Profile language French: Keycloak's pages follow it once the user is known.
        String username = newUser(DEMO_MERCHANT, List.of("merchant-admin"), "fr");
        browser.get(site("/site"));
        signIn(username, TEMPORARY_PASSWORD);

        // The temporary password must be changed before anything else.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
        choosePassword("abcdefghijklm");
        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#input-error-password, #input-error-password-new, .kc-feedback-text, .alert-error, [id^=input-error]")));
        String rule = error.getText();
        assertThat(browser.findElements(By.id("password-new"))).as("still asked for a new password").isNotEmpty();
        assertThat(rule).as("the refused password's rule is shown (realm message texts)").contains("3 des 4");
        choosePassword("Sh0rt!");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id^=input-error], .alert-error")));
        assertThat(browser.getPageSource()).contains("12");

        choosePassword(NEW_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("merchant-id")));
        assertThat(browser.getCurrentUrl()).startsWith(site("/site"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.id("merchant-id")).getText()).isEqualTo(DEMO_MERCHANT);
        assertThat(browser.findElement(By.id("shop-name")).getText()).isEqualTo("Caisse demo shop");
        assertThat(browser.findElement(By.cssSelector("#key-versions tr[data-version='1'] .status"))
                .getAttribute("data-status")).isEqualTo("status_active");
        assertThat(browser.getPageSource()).doesNotContain(DEMO_MERCHANT + "_KEY1");
    }

    @Test
    void merchantAdminGeneratesACseKeyAndAForgedPostChangesNothing() throws Exception {
        signInAsNewUser(DEMO_MERCHANT, List.of("merchant-admin"));

        click(By.id("generate-cse-button"));
        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getAttribute("data-notice")).isEqualTo("notice_cse_key_generated");
        String kid = browser.findElement(By.id("notice-reference")).getText();
        assertThat(kid).startsWith(DEMO_MERCHANT + "-cse-");
        assertThat(browser.findElement(By.id("cse-keys")).getText()).contains(kid);

        // A form post without the page's token changes nothing.
        HttpResponse<String> forged = postWithBrowserCookies("/site/cse-keys", "csrf-token=forged");
        assertThat(forged.statusCode()).isEqualTo(403);
        browser.get(site("/site"));
        assertThat(browser.findElements(By.cssSelector("#cse-keys tbody tr")).stream()
                .filter(row -> row.getText().startsWith(DEMO_MERCHANT + "-cse-")).count())
                .as("the forged post created no key").isEqualTo(countCseRows());
    }

    @Test
    void languageAndContrastAreSwitchedInThePageAndProfileLanguageIsTheDefault() {
        signInAsNewUserWithLocale(DEMO_MERCHANT, List.of("keys.read"), "de");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ihre Schlüssel");
        assertThat(browser.findElements(By.id("generate-cse-button"))).as("keys.read may not change keys").isEmpty();

        for (String[] expected : new String[][] {{"en", "Your keys"}, {"nl", "Uw sleutels"}, {"es", "Sus claves"},
                {"fr", "Vos clés"}}) {
            new Select(browser.findElement(By.id("language"))).selectByValue(expected[0]);
            click(By.id("apply-preferences"));
            wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", expected[0]));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(expected[1]);
        }

        assertThat(browser.findElement(By.tagName("body")).getAttribute("class")).isEqualTo("normal-contrast");
        new Select(browser.findElement(By.id("contrast"))).selectByValue("high");
        click(By.id("apply-preferences"));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "class", "high-contrast"));
        assertThat(browser.findElement(By.cssSelector("label[for=language]")).isDisplayed()).isTrue();

        click(By.id("sign-out"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        assertThat(browser.findElement(By.tagName("body")).getAttribute("class")).isEqualTo("high-contrast");
        browser.get(site("/site"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    @Test
    void custodianRotatesAKeyAndCannotApproveTheirOwnRevocationRequest() {
        // a merchant of its own: the rotation must not touch the demo merchant's key other tests rely on
        String merchant = "0020098" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        signInAsNewUser(null, List.of("key-custodian"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("merchant-search")));
        browser.findElement(By.id("merchantId")).sendKeys(merchant);
        click(By.cssSelector("#merchant-search button"));
        wait.until(ExpectedConditions.textToBe(By.id("merchant-id"), merchant));

        WebElement overlap = browser.findElement(By.id("overlapHours"));
        overlap.clear();
        overlap.sendKeys("48");
        click(By.id("rotate-button"));
        assertNotice("notice_rotated");
        assertThat(browser.findElement(By.id("notice-reference")).getText()).isEqualTo("1");

        browser.findElement(By.id("reason-1")).sendKeys("key leaked in a support ticket");
        click(By.cssSelector("form.revocation button"));
        assertNotice("notice_revocation_requested");
        click(By.cssSelector("#pending-revocations button"));
        assertNotice("notice_own_revocation_request");
        assertThat(browser.findElements(By.cssSelector("#pending-revocations tbody tr")))
                .as("still waiting for a second custodian").hasSize(1);
        assertThat(browser.findElement(By.id("audit-log")).getText())
                .contains("ROTATE_KEY").contains("REQUEST_REVOCATION").contains("APPROVE_REVOCATION");

        browser.get(site("/site"));
        assertThat(browser.getCurrentUrl()).as("staff without merchant land on the custodian page")
                .startsWith(site("/site/custodian"));
    }

    @Test
    void newKeyIsDownloadedOnceAndASecondDownloadIsRefused() throws Exception {
        signInAsNewUser(DEMO_MERCHANT, List.of("merchant-admin"));
        new Select(browser.findElement(By.id("environment"))).selectByValue("TEST");
        click(By.id("request-key-button"));
        assertNotice("notice_key_requested");
        String version = browser.findElement(By.id("notice-reference")).getText();

        // a download does not leave the page: no navigation to wait for
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#key-versions tr[data-version='" + version + "'] button.download"))).click();
        Path file = waitForDownload();
        assertThat(file.getFileName().toString()).contains(DEMO_MERCHANT).contains("v" + version);
        assertThat(Files.readString(file).strip()).as("256 bits, base64url").matches("[A-Za-z0-9_-]{43}");

        browser.get(site("/site"));
        click(By.cssSelector("#key-versions tr[data-version='" + version + "'] button.download"));
        assertNotice("notice_already_downloaded");
    }

    private long countCseRows() {
        return browser.findElements(By.cssSelector("#cse-keys tbody tr")).size();
    }

    private String newUser(String merchantId, List<String> roles) {
        return newUser(merchantId, roles, null);
    }

    private String newUser(String merchantId, List<String> roles, String locale) {
        String username = "site-test-" + UUID.randomUUID().toString().substring(0, 8);
        users.add(keycloak.createUser(username, TEMPORARY_PASSWORD, merchantId, locale, roles));
        return username;
    }

    private void signInAsNewUser(String merchantId, List<String> roles) {
        signInAsNewUserWithLocale(merchantId, roles, null);
    }

    private void signInAsNewUserWithLocale(String merchantId, List<String> roles, String locale) {
        String username = newUser(merchantId, roles, locale);
        browser.get(site("/site"));
        signIn(username, TEMPORARY_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
        choosePassword(NEW_PASSWORD);
        wait.until(ExpectedConditions.urlContains("127.0.0.1:" + KeySiteOrigin.port + "/site"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
    }

    private void signIn(String username, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        click(By.id("kc-login"));
    }

    private void choosePassword(String password) {
        WebElement fresh = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
        fresh.clear();
        fresh.sendKeys(password);
        WebElement confirm = browser.findElement(By.id("password-confirm"));
        confirm.clear();
        confirm.sendKeys(password);
        WebElement submit = browser.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]"));
        submit.click();
        wait.until(ExpectedConditions.stalenessOf(submit));
    }

    /**
     * Clicks and waits for the page the click leads to. The element is looked up again when the page it was found in
     * was being replaced at that moment (a redirect finishing after sign-in): Chromium then reports it stale or "not
     * in the document".
     */
    private void click(By locator) {
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
                element.click();
                wait.until(ExpectedConditions.stalenessOf(element));
                return;
            } catch (StaleElementReferenceException replaced) {
                if (attempt == 3) {
                    throw replaced;
                }
            } catch (WebDriverException maybeReplaced) {
                if (attempt == 3 || maybeReplaced instanceof TimeoutException
                        || !String.valueOf(maybeReplaced.getMessage()).contains("does not belong to the document")) {
                    throw maybeReplaced;
                }
            }
        }
    }

    private void assertNotice(String key) {
        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getAttribute("data-notice")).isEqualTo(key);
    }

    private Path waitForDownload() throws Exception {
        for (int i = 0; i < 100; i++) {
            try (var files = Files.list(downloads)) {
                // Chromium writes to a hidden temporary file or a .crdownload, then renames it
                List<Path> done = files.filter(p -> !p.toString().endsWith(".crdownload")
                        && !p.getFileName().toString().startsWith(".")).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no file downloaded");
    }

    private HttpResponse<String> postWithBrowserCookies(String path, String form) throws Exception {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site(path)))
                .header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String site(String path) {
        return "http://127.0.0.1:" + KeySiteOrigin.port + path;
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
