package org.caisse.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A shopper's headless Chromium (Debian {@code chromium} + {@code chromium-driver}). Every page it reaches through
 * {@link #arrivedAt} is saved as a screenshot under {@code target/browser-screenshots} and audited with axe-core; the
 * audit findings are collected for the test to assert on.
 */
final class ShopperBrowser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("caisse.screenshots", "target/browser-screenshots"));

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;
    private final AxeAudit axe;
    private final String name;
    private final List<String> accessibilityFindings = new ArrayList<>();
    private int step;

    private ShopperBrowser(ChromeDriver driver, Path profile, AxeAudit axe, String name) {
        this.driver = driver;
        this.profile = profile;
        this.axe = axe;
        this.name = name;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** {@code name} prefixes the screenshots; {@code width} x {@code height} is the window (a phone: 375 x 740). */
    static ShopperBrowser open(String name, AxeAudit axe, int width, int height) {
        if (!Files.isExecutable(Path.of("/usr/bin/chromium")) || !Files.isExecutable(Path.of("/usr/bin/chromedriver"))) {
            throw new IllegalStateException("The payment pages' browser test needs /usr/bin/chromium and /usr/bin/chromedriver:"
                    + " apt-get install -y chromium chromium-driver");
        }
        try {
            Path profile = Files.createTempDirectory("caisse-shopper-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile,
                    "--disable-dev-shm-usage", "--window-size=" + width + "," + height);
            ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
            driver.manage().window().setSize(new Dimension(width, height));
            return new ShopperBrowser(driver, profile, axe, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    void get(URI page) {
        driver.get(page.toString());
    }

    /** Waits for a page whose path matches {@code pathRegex}, then screenshots and audits it. */
    void arrivedAt(String pathRegex, String pageName) {
        wait.until(d -> URI.create(d.getCurrentUrl()).getPath().matches(pathRegex)
                && "complete".equals(driver.executeScript("return document.readyState")));
        screenshot(pageName);
        axe.seriousOrCritical(driver).forEach(finding -> accessibilityFindings.add(pageName + ": " + finding));
    }

    void screenshot(String pageName) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", name, ++step, pageName)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> accessibilityFindings() {
        return accessibilityFindings;
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    void type(By field, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field));
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Clicks, then waits for the click's navigation to replace the page: the old document carries a marker the new
     * one does not (element staleness checks race with the navigation itself).
     */
    void clickAndLeave(By button) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(button));
        driver.executeScript("window.caisseLeaving = true");
        element.click();
        awaitNewDocument();
    }

    /** Waits until the document that was marked by {@link #clickAndLeave} (or the caller) is replaced. */
    void awaitNewDocument() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.caisseLeaving === undefined && document.readyState === 'complete'")));
    }

    void markDocument() {
        driver.executeScript("window.caisseLeaving = true");
    }

    String text(By by) {
        return find(by).getText();
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
