package org.caisse.paymentpage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.caisse.common.seal.SealAlgorithm;
import org.junit.jupiter.api.Test;

class PaypageRequestRulesTest {

    private static final String VALID = "amount=1000|currencyCode=978|merchantId=002001000000001|"
            + "normalReturnUrl=http://localhost/return|transactionReference=TREF0001|keyVersion=1";

    private static MerchantSettings merchant(boolean legacy) {
        return new MerchantSettings("002001000000001", "Shop", "TEST", List.of("http://localhost:*"), legacy,
                List.of("978"), List.of("fr"), "fr");
    }

    private static void assertRejected(Runnable rule, String code, String field) {
        assertThatThrownBy(rule::run).isInstanceOfSatisfying(PaymentRequestRejected.class, r -> {
            assertThat(r.responseCode().code()).isEqualTo(code);
            assertThat(r.errorFieldName()).isEqualTo(field);
        });
    }

    @Test
    void interfaceVersionNeedsTheHpPrefixAndAtLeast2() {
        assertThat(InterfaceVersion.requirePaypagePost("HP_2.24", "InterfaceVersion").wireValue()).isEqualTo("HP_2.24");
        assertThat(InterfaceVersion.requirePaypagePost("HP_3.0", "InterfaceVersion").major()).isEqualTo(3);
        for (String bad : new String[] {"HP_1.9", "IR_WS_2.20", "HP2.0", "HP_", "", "hp_2.0"}) {
            assertRejected(() -> InterfaceVersion.requirePaypagePost(bad, "InterfaceVersion"), "30", "InterfaceVersion");
        }
        assertRejected(() -> InterfaceVersion.requirePaypagePost(null, "InterfaceVersion"), "30", "InterfaceVersion");
    }

    @Test
    void validDataGivesTheTypedRequest() {
        PaypageRequest request = PaypageRequestRules.requireFields(PaypageRequestRules.parse(VALID));
        assertThat(request.merchantId()).isEqualTo("002001000000001");
        assertThat(request.amount()).isEqualTo(1000L);
        assertThat(request.keyVersion()).isEqualTo(1);
        assertThat(request.captureMode()).isEqualTo("AUTHOR_CAPTURE");
        assertThat(request.orderChannel()).isEqualTo("INTERNET");
    }

    @Test
    void zeroAmountAndUnknownCurrencyAreFormatErrors() {
        assertRejected(() -> PaypageRequestRules.requireFields(PaypageRequestRules.parse(VALID.replace("amount=1000", "amount=0"))), "30", "amount");
        assertRejected(() -> PaypageRequestRules.requireFields(PaypageRequestRules.parse(VALID.replace("978", "000"))), "30", "currencyCode");
        assertRejected(() -> PaypageRequestRules.requireFields(PaypageRequestRules.parse(
                VALID.replace("TREF0001", "x".repeat(36)))), "30", "transactionReference");
    }

    @Test
    void base64DecodingFailureIsAFormatErrorOnData() {
        assertRejected(() -> PaypageRequestRules.decodeData("***", "base64"), "30", "Data");
        assertRejected(() -> PaypageRequestRules.decodeData("abc", "gzip"), "30", "Encode");
        assertThat(PaypageRequestRules.decodeData("YT0x", "base64")).isEqualTo("a=1");
    }

    @Test
    void legacySha256IsTheDefaultAndOnlyForMerchantsAllowingIt() {
        assertThat(PaypageRequestRules.sealAlgorithm(null, merchant(true))).isEqualTo(SealAlgorithm.SHA_256);
        assertThat(PaypageRequestRules.sealAlgorithm("HMAC-SHA-256", merchant(false))).isEqualTo(SealAlgorithm.HMAC_SHA_256);
        assertRejected(() -> PaypageRequestRules.sealAlgorithm(null, merchant(false)), "34", null);
        assertRejected(() -> PaypageRequestRules.sealAlgorithm("SHA-256", merchant(false)), "34", null);
        assertRejected(() -> PaypageRequestRules.sealAlgorithm("MD5", merchant(true)), "30", "SealAlgorithm");
    }

    @Test
    void returnUrlsMustBelongToARegisteredOrigin() {
        PaypageRequest ok = PaypageRequestRules.requireFields(PaypageRequestRules.parse(VALID + "|automaticResponseUrl=http://localhost:8080/n"));
        PaypageRequestRules.checkUrls(ok, merchant(false));
        PaypageRequest bad = PaypageRequestRules.requireFields(PaypageRequestRules.parse(
                VALID.replace("http://localhost/return", "javascript:alert(1)")));
        assertRejected(() -> PaypageRequestRules.checkUrls(bad, merchant(false)), "30", "normalReturnUrl");
        PaypageRequest badNotify = PaypageRequestRules.requireFields(PaypageRequestRules.parse(VALID + "|automaticResponseUrl=http://evil.test/n"));
        assertRejected(() -> PaypageRequestRules.checkUrls(badNotify, merchant(false)), "30", "automaticResponseUrl");
    }

    @Test
    void optionalFieldsAreChecked() {
        assertRejected(() -> PaypageRequestRules.checkOptionalFields(PaypageRequestRules.requireFields(
                PaypageRequestRules.parse(VALID + "|captureDay=100"))), "30", "captureDay");
        assertRejected(() -> PaypageRequestRules.checkOptionalFields(PaypageRequestRules.requireFields(
                PaypageRequestRules.parse(VALID + "|orderId=" + "x".repeat(33)))), "30", "orderId");
        PaypageRequestRules.checkOptionalFields(PaypageRequestRules.requireFields(PaypageRequestRules.parse(
                VALID + "|captureMode=VALIDATION|captureDay=99|orderChannel=MOTO|customerLanguage=en|paymentMeanBrandList=VISA,MASTERCARD")));
    }

    @Test
    void aCurrencyTheMerchantDoesNotAcceptIsRefusedWith30OnCurrencyCode() {
        PaypageRequest euros = PaypageRequestRules.requireFields(PaypageRequestRules.parse(VALID));
        PaypageRequestRules.checkCurrency(euros, merchant(false));
        PaypageRequest dollars = PaypageRequestRules.requireFields(PaypageRequestRules.parse(VALID.replace("=978", "=840")));
        assertRejected(() -> PaypageRequestRules.checkCurrency(dollars, merchant(false)), "30", "currencyCode");
    }

    @Test
    void keyVersionZeroIsRefusedWith30OnKeyVersion() {
        assertRejected(() -> PaypageRequestRules.requireFields(PaypageRequestRules.parse(VALID.replace("keyVersion=1", "keyVersion=0"))),
                "30", "keyVersion");
        assertRejected(() -> PaypageRequestRules.requireFields(PaypageRequestRules.parse(VALID.replace("keyVersion=1", "keyVersion=000"))),
                "30", "keyVersion");
        assertThat(PaypageRequestRules.requireFields(PaypageRequestRules.parse(VALID)).keyVersion()).isEqualTo(1);
    }

    @Test
    void statementReferenceIsBoundedLikeAuthorizationServiceAt255() {
        PaypageRequest ok = PaypageRequestRules.requireFields(PaypageRequestRules.parse(VALID + "|statementReference=" + "S".repeat(255)));
        PaypageRequestRules.checkOptionalFields(ok);
        PaypageRequest tooLong = PaypageRequestRules.requireFields(PaypageRequestRules.parse(VALID + "|statementReference=" + "S".repeat(256)));
        assertRejected(() -> PaypageRequestRules.checkOptionalFields(tooLong), "30", "statementReference");
    }

    @Test
    void controlCharactersInTextFieldsAreRefusedWith30NamingTheField() {
        for (String field : List.of("orderId", "returnContext", "customerId", "statementReference", "transactionOrigin")) {
            for (String control : List.of("\n", "\r", "\u0000", "\u001b", "\u007f")) {
                PaypageRequest request = new PaypageRequest("002001000000001", 1, 1000, "978", "http://localhost/return",
                        "TREF0001", java.util.Map.of(field, "A" + control + "B"));
                assertRejected(() -> PaypageRequestRules.checkOptionalFields(request), "30", field);
            }
        }
        PaypageRequest tab = new PaypageRequest("002001000000001", 1, 1000, "978", "http://localhost/return",
                "TREF0001", java.util.Map.of("returnContext", "A\tB"));
        PaypageRequestRules.checkOptionalFields(tab);
    }
}
