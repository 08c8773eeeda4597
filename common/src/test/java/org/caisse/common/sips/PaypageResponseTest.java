package org.caisse.common.sips;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caisse.common.data.SipsData;
import org.caisse.common.seal.SealAlgorithm;
import org.caisse.common.seal.Seals;
import org.junit.jupiter.api.Test;

class PaypageResponseTest {

    /** The snapshot example of docs/platform-contracts.md. */
    static final String SNAPSHOT = """
            {
              "merchantId": "002001000000001", "transactionReference": "TREF0001",
              "status": "TO_CAPTURE", "responseCode": "00", "acquirerResponseCode": "00",
              "authorisationId": "123456", "amount": 1000, "currentAmount": 1000, "currencyCode": "978",
              "captureMode": "AUTHOR_CAPTURE", "captureDay": 0, "captureLimitDate": "20261123",
              "orderChannel": "INTERNET", "transactionDateTime": "2026-11-23T12:00:00+01:00",
              "maskedPan": "5100##########00", "panExpiryDate": "202812", "paymentMeanBrand": "MASTERCARD",
              "paymentMeanType": "CARD", "cardCSCResultCode": "4D", "holderAuthentStatus": "NOT_SPECIFIED",
              "guaranteeIndicator": "", "orderId": "ORD1", "returnContext": "ctx=1", "customerId": null,
              "customerEmail": "a@b.c", "customerIpAddress": "127.0.0.1", "statementReference": "STMT",
              "transactionOrigin": "SHOP", "paymentPattern": "ONE_SHOT", "customerLanguage": "fr",
              "lastOperation": {"name": "AUTHORIZATION", "amount": 1000, "dateTime": "2026-11-23T12:00:00+01:00"},
              "notification": {"automaticResponseUrl": "http://localhost:9999/notify", "keyVersion": 1,
                               "sealAlgorithm": "HMAC-SHA-256", "responseEncoding": null, "interfaceVersion": "HP_2.24"}
            }""";

    @SuppressWarnings("unchecked")
    static Map<String, Object> snapshot() throws Exception {
        return new ObjectMapper().readValue(SNAPSHOT, Map.class);
    }

    @Test
    void snapshotBecomesTheResponseKeysInDocumentedOrderOnlyWithValues() throws Exception {
        SipsData data = PaypageResponse.dataFromSnapshot(snapshot());
        assertThat(data.format()).isEqualTo("merchantId=002001000000001|transactionReference=TREF0001|keyVersion=1"
                + "|amount=1000|currencyCode=978|captureDay=0|captureMode=AUTHOR_CAPTURE|orderChannel=INTERNET"
                + "|responseCode=00|acquirerResponseCode=00|authorisationId=123456"
                + "|transactionDateTime=2026-11-23T12:00:00+01:00|maskedPan=5100##########00|panExpiryDate=202812"
                + "|paymentMeanBrand=MASTERCARD|paymentMeanType=CARD|cardCSCResultCode=4D"
                + "|customerIpAddress=127.0.0.1|orderId=ORD1|returnContext=ctx=1|statementReference=STMT"
                + "|customerEmail=a@b.c|holderAuthentStatus=NOT_SPECIFIED|transactionOrigin=SHOP"
                + "|paymentPattern=ONE_SHOT|captureLimitDate=20261123");
        // Fields that are not response fields never leak into Data.
        assertThat(data.asMap()).doesNotContainKeys("status", "currentAmount", "customerLanguage", "lastOperation",
                "notification", "guaranteeIndicator", "customerId");
    }

    @Test
    void keysFollowTheOrderOfTheSipsList() throws Exception {
        List<String> keys = new ArrayList<>(PaypageResponse.dataFromSnapshot(snapshot()).asMap().keySet());
        List<String> positions = new ArrayList<>(keys);
        positions.sort((a, b) -> PaypageResponse.KEYS.indexOf(a) - PaypageResponse.KEYS.indexOf(b));
        assertThat(keys).isEqualTo(positions);
        assertThat(PaypageResponse.KEYS).hasSize(44).doesNotHaveDuplicates();
    }

    @Test
    void codesThatSipsClientsRejectBecomeTheirPaypageEquivalentWhileTheAcquirerCodeKeepsTheReason() throws Exception {
        Map<String, Object> snapshot = snapshot();
        snapshot.put("responseCode", "51");
        snapshot.put("acquirerResponseCode", "51");

        SipsData data = PaypageResponse.dataFromSnapshot(snapshot);

        assertThat(data.get("responseCode")).contains("05");
        assertThat(data.get("acquirerResponseCode")).contains("51");
    }

    @Test
    void everyCodeInAPaypageResponseIsOneTheSipsClientsAccept() {
        for (ResponseCode code : ResponseCode.values()) {
            assertThat(code.paypageEquivalent().allowedInPaypageResponse()).as(code.code()).isTrue();
            if (code.allowedInPaypageResponse()) {
                assertThat(code.paypageEquivalent()).isEqualTo(code);
            }
        }
    }

    @Test
    void s10FieldsComeFromTheNestedReference() {
        SipsData data = PaypageResponse.dataFromSnapshot(Map.of("merchantId", "1",
                "s10TransactionReference", Map.of("s10TransactionId", "123456", "s10TransactionIdDate", "20261123")));
        assertThat(data.format()).isEqualTo("merchantId=1|s10TransactionId=123456|s10TransactionIdDate=20261123");
    }

    @Test
    void sealCoversTheDataAsSent() throws Exception {
        SipsData data = PaypageResponse.dataFromSnapshot(snapshot());
        SealedPaypageResponse plain = PaypageResponse.seal(data, SealAlgorithm.SHA_256, "KEY", false, "HP_2.24");
        assertThat(plain.data()).isEqualTo(data.format());
        assertThat(plain.seal()).isEqualTo(Seals.compute(SealAlgorithm.SHA_256, "KEY", data.format()));
        assertThat(plain.encode()).isEmpty();
        assertThat(plain.interfaceVersion()).isEqualTo("HP_2.24");

        SealedPaypageResponse encoded = PaypageResponse.seal(data, SealAlgorithm.HMAC_SHA_256, "KEY", true, "HP_2.24");
        assertThat(encoded.encode()).isEqualTo("base64");
        assertThat(SipsData.decodeBase64(encoded.data())).isEqualTo(data.format());
        assertThat(Seals.matches(SealAlgorithm.HMAC_SHA_256, "KEY", encoded.data(), encoded.seal())).isTrue();
    }
}
