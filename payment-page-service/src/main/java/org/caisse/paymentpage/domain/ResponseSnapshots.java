package org.caisse.paymentpage.domain;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transaction snapshots the page builds itself when no authorization happened (cancel by the shopper,
 * session expired, authorization unreachable): the request's fields plus the response code.
 */
public final class ResponseSnapshots {

    /** Request fields echoed in the Paypage response (SIPS.md §2a). */
    private static final List<String> ECHOED = List.of(
            "orderId", "returnContext", "statementReference", "customerId", "customerEmail",
            "customerIpAddress", "transactionOrigin", "paymentPattern", "merchantWalletId", "customerLanguage");

    private static final DateTimeFormatter SIPS_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private ResponseSnapshots() {
    }

    public static Map<String, Object> fromRequest(PaypageRequest request, String responseCode, OffsetDateTime now) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("merchantId", request.merchantId());
        snapshot.put("transactionReference", request.transactionReference());
        snapshot.put("keyVersion", request.keyVersion());
        snapshot.put("amount", request.amount());
        snapshot.put("currencyCode", request.currencyCode());
        snapshot.put("captureDay", request.captureDay());
        snapshot.put("captureMode", request.captureMode());
        snapshot.put("orderChannel", request.orderChannel());
        snapshot.put("responseCode", responseCode);
        snapshot.put("transactionDateTime", SIPS_DATE_TIME.format(now));
        for (String field : ECHOED) {
            request.field(field).ifPresent(v -> snapshot.put(field, v));
        }
        return snapshot;
    }
}
