package org.caisse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * A shopper in headless Chromium pays on the hosted pages of the running platform (real authorization-service with
 * its simulated 3-D Secure directory and test acquirer), one test per outcome, each in two languages; the six
 * languages are all used. Every page reached is screenshotted ({@code target/browser-screenshots}) and audited with
 * axe-core: no serious or critical WCAG 2.1 A/AA violation may remain.
 *
 * <p>Test cards (authorization-service README, "Test cards"): digits 7-8 choose the 3-D Secure scenario ({@code 02}
 * frictionless, {@code 00} challenge), the last two the response code; the digits in between are random so that
 * every run pays with cards never seen before (the page limits attempts per card).
 */
@ExtendWith(PlatformUnderTest.class)
class PaymentPageBrowserSystemTest {

    private static final DemoMerchant MERCHANT = DemoMerchant.sipsTestMerchant();
    private static final String PAYMENT_PATH = "/payment/[0-9a-f-]{36}";
    private static AxeAudit axe;
    private static MerchantReceiver shop;

    private ShopperBrowser browser;
    private String reference;
    private String testName;

    @BeforeAll
    static void openShop() {
        axe = AxeAudit.load();
        shop = MerchantReceiver.start();
    }

    @AfterAll
    static void closeShop() {
        shop.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void name(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            assertThat(browser.accessibilityFindings()).as("serious or critical axe-core violations").isEmpty();
            browser.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void acceptedPaymentReturnsTheSealedResponseToTheShop(String language) {
        startPayment(language, 1999, Map.of("paymentMeanBrandList", "MASTERCARD,VISA"));
        browser.find(By.cssSelector(".brand-choice input[value=VISA]")).click();
        payWith(card("02", "00"));
        ticketSays(language, "outcomeAccepted", "00");
        Map<String, String> data = returnToShop();
        assertThat(data).containsEntry("responseCode", "00").containsEntry("amount", "1999")
                .containsEntry("paymentMeanBrand", "VISA").containsEntry("holderAuthentStatus", "SUCCESS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void refusedPayment(String language) {
        startPayment(language, 2500, Map.of());
        payWith(card("02", "05"));
        ticketSays(language, "outcomeRefused", "05");
        assertThat(returnToShop()).containsEntry("responseCode", "05");
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "fr"})
    void referralTellsTheShopperToWaitForTheMerchant(String language) {
        startPayment(language, 3100, Map.of());
        payWith(card("02", "02"));
        ticketSays(language, "outcomeReferral", "02");
        assertThat(returnToShop()).containsEntry("responseCode", "02");
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void threeDSecureChallengeSucceedsThenTheBankApproves(String language) {
        startPayment(language, 4200, Map.of());
        payWith(card("00", "00"));
        authenticateAtTheAcs("SUCCESS");
        ticketSays(language, "outcomeAccepted", "00");
        assertThat(returnToShop()).containsEntry("responseCode", "00").containsEntry("holderAuthentStatus", "SUCCESS")
                .containsEntry("guaranteeIndicator", "Y");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "fr"})
    void threeDSecureChallengeFailsAndTheBankIsNeverAsked(String language) {
        startPayment(language, 4300, Map.of());
        payWith(card("00", "00"));
        authenticateAtTheAcs("FAILURE");
        ticketSays(language, "outcomeAuthenticationFailed", "05");
        assertThat(returnToShop()).containsEntry("responseCode", "05").containsEntry("holderAuthentStatus", "FAILURE")
                .doesNotContainKey("authorisationId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "de"})
    void bankUnreachableTellsTheShopperToTryLater(String language) {
        startPayment(language, 1800, Map.of());
        payWith(card("02", "90"));
        ticketSays(language, "outcomeUnavailable", "90");
        assertThat(returnToShop()).containsEntry("responseCode", "90");
    }

    @Test
    void merchantRenderedTicketReturnsToTheShopAtOnce() {
        startPayment("en", 2100, Map.of("paypageData.bypassReceiptPage", "true"));
        payWith(card("02", "00"));
        Map<String, String> data = awaitReturnOf(reference);
        assertThat(data).containsEntry("responseCode", "00");
        assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).isEqualTo("/return");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "de"})
    void shopperCancels(String language) {
        startPayment(language, 1200, Map.of());
        browser.clickAndLeave(By.cssSelector(".cancel-form button[type=submit]"));
        ticketSays(language, "outcomeCancelled", "17");
        assertThat(returnToShop()).containsEntry("responseCode", "17");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "it"})
    void expiredSessionEndsWith97(String language) throws SQLException {
        URI cardPage = startPayment(language, 1500, Map.of());
        // The session's 15 minutes pass: the test moves its end into the past rather than waiting.
        expireSession(cardPage);
        payWith(card("02", "00"));
        ticketSays(language, "outcomeExpired", "97");
        assertThat(returnToShop()).containsEntry("responseCode", "97");
    }

    @Test
    void onAPhoneThePageFitsTheScreenAndATestCardFillsTheForm() {
        browser = ShopperBrowser.open(testName, axe, 375, 740);
        openCardPage("nl", 990, Map.of());
        Object overflow = browser.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px at 375 px wide").isLessThanOrEqualTo(0);
        String listed = browser.find(By.cssSelector(".test-card .fill-test-card")).getAttribute("data-card-number");
        browser.find(By.cssSelector(".test-card .fill-test-card")).click();
        assertThat(browser.find(By.id("cardNumber")).getAttribute("value")).isEqualTo(listed);
        assertThat(browser.find(By.id("expiry")).getAttribute("value")).matches("\\d{2}/\\d{2}");
    }

    @Test
    void keyboardOnlyShopperPaysInTheVisualOrderWithAVisibleFocus() {
        startPayment("en", 1450, Map.of());
        var keyboard = new org.openqa.selenium.interactions.Actions(browser.driver());
        for (int tabs = 0; tabs < 20 && !"cardNumber".equals(focusedId()); tabs++) {
            keyboard.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        }
        assertThat(focusedId()).as("card number reachable with Tab").isEqualTo("cardNumber");
        keyboard.sendKeys(card("02", "00")).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(focusedId()).isEqualTo("expiry");
        keyboard.sendKeys("12/" + (java.time.Year.now().getValue() % 100 + 3)).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(focusedId()).isEqualTo("cvv");
        keyboard.sendKeys("123").sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(browser.driver().executeScript("return document.activeElement.className")).asString().contains("primary");
        assertThat(browser.driver().executeScript(
                "const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth"))
                .as("focus indicator of the pay button").asString().doesNotStartWith("none").doesNotEndWith(" 0px");
        browser.markDocument();
        keyboard.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        browser.awaitNewDocument();
        ticketSays("en", "outcomeAccepted", "00");
    }

    @Test
    void scriptInOrderIdAndReturnContextStaysText() {
        String orderId = "<img src=x onerror=alert(1)>";
        String returnContext = "\"><script>alert(2)</script>";
        startPayment("en", 700, Map.of("orderId", orderId, "returnContext", returnContext));
        noAlert();
        assertThat(browser.text(By.cssSelector(".order-id"))).isEqualTo(orderId);
        assertThat(browser.driver().getPageSource()).doesNotContain("<img src=x").doesNotContain("<script>alert");
        payWith(card("02", "00"));
        ticketSays("en", "outcomeAccepted", "00");
        noAlert();
        assertThat(browser.text(By.cssSelector(".order-id"))).isEqualTo(orderId);
        assertThat(returnToShop()).containsEntry("returnContext", returnContext).containsEntry("orderId", orderId);
    }

    // --- steps

    private URI startPayment(String language, long amount, Map<String, String> extra) {
        browser = ShopperBrowser.open(testName + "-" + language, axe, 1280, 1000);
        return openCardPage(language, amount, extra);
    }

    private URI openCardPage(String language, long amount, Map<String, String> extra) {
        reference = "BR" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("amount", Long.toString(amount));
        fields.put("currencyCode", "978");
        fields.put("merchantId", MERCHANT.merchantId());
        fields.put("normalReturnUrl", shop.returnUrl().toString());
        fields.put("transactionReference", reference);
        fields.put("keyVersion", Integer.toString(MERCHANT.keyVersion()));
        fields.put("orderChannel", "INTERNET");
        fields.put("customerLanguage", language);
        fields.putAll(extra);
        StringBuilder data = new StringBuilder();
        fields.forEach((k, v) -> data.append(data.isEmpty() ? "" : "|").append(k).append('=').append(v));
        Map<String, String> post = new LinkedHashMap<>();
        post.put("Data", data.toString());
        post.put("Seal", MERCHANT.hmacSeal(data.toString()));
        post.put("InterfaceVersion", "HP_2.24");
        post.put("SealAlgorithm", "HMAC-SHA-256");
        browser.get(shop.checkoutPage(PlatformUnderTest.PLATFORM.paymentPage().resolve("/paymentInit"), post));
        browser.clickAndLeave(By.id("pay"));
        browser.arrivedAt(PAYMENT_PATH, "card");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(browser.text(By.cssSelector(".card-form button.primary"))).startsWith(PageTexts.of(language, "pay"));
        return URI.create(browser.driver().getCurrentUrl());
    }

    private void payWith(String cardNumber) {
        browser.type(By.id("cardNumber"), cardNumber);
        browser.type(By.id("expiry"), "12/" + (java.time.Year.now().getValue() % 100 + 3));
        browser.type(By.id("cvv"), "123");
        browser.clickAndLeave(By.cssSelector(".card-form button.primary"));
    }

    private void authenticateAtTheAcs(String outcome) {
        browser.arrivedAt(PAYMENT_PATH + "/3ds", "3ds-information");
        browser.clickAndLeave(By.cssSelector(".three-ds-form button[type=submit]"));
        browser.arrivedAt(PAYMENT_PATH + "/acs", "acs");
        browser.clickAndLeave(By.xpath("//form[input[@name='outcome' and @value='" + outcome + "']]//button"));
    }

    private void ticketSays(String language, String outcomeKey, String responseCode) {
        browser.arrivedAt(PAYMENT_PATH + "/ticket", "ticket-" + outcomeKey);
        assertThat(browser.text(By.cssSelector("h1.outcome"))).isEqualTo(PageTexts.of(language, outcomeKey));
        assertThat(browser.text(By.cssSelector(".response-code"))).isEqualTo(responseCode);
    }

    /** Clicks "back to shop" and returns the Data the shop received, after checking its seal. */
    private Map<String, String> returnToShop() {
        browser.find(By.cssSelector(".back-to-shop button[type=submit]")).click();
        return awaitReturnOf(reference);
    }

    private Map<String, String> awaitReturnOf(String reference) {
        for (int i = 0; i < 10; i++) {
            Map<String, String> posted = shop.awaitReturn(Duration.ofSeconds(10)).orElseThrow(
                    () -> new AssertionError("the shop received no return POST"));
            Map<String, String> data = SipsDataFields.parse(posted.get("Data"));
            if (reference.equals(data.get("transactionReference"))) {
                assertThat(posted.get("Seal")).as("seal of the returned Data").isEqualTo(MERCHANT.hmacSeal(posted.get("Data")));
                return data;
            }
        }
        throw new AssertionError("no return POST for " + reference);
    }

    private String focusedId() {
        return (String) browser.driver().executeScript("return document.activeElement && document.activeElement.id");
    }

    private void noAlert() {
        try {
            String text = browser.driver().switchTo().alert().getText();
            throw new AssertionError("a script ran and opened an alert: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    private static void expireSession(URI cardPage) throws SQLException {
        UUID id = UUID.fromString(cardPage.getPath().substring("/payment/".length()));
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/caisse_payment_page",
                "caisse_payment_page", "caisse_payment_page");
             PreparedStatement update = db.prepareStatement(
                     "UPDATE payment_request SET expires_at = now() - interval '1 second' WHERE id = ?")) {
            update.setObject(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** A VISA test card never used before: {@code scenario} = digits 7-8, {@code responseCode} = the last two. */
    private static String card(String scenario, String responseCode) {
        return "410000" + scenario + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)) + responseCode;
    }
}
