package org.caisse.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;

/**
 * What the demo payment produced at each step, for printing and for the system test's assertions.
 *
 * @param returnData         the Data fields the shopper's browser brought back to the shop
 * @param notificationData   the Data fields of the automatic response
 * @param transactionData    the Office getTransactionData answer
 * @param cancelAnswer       the Office partial cancel answer
 */
public record DemoResult(String transactionReference, long amount, long cancelledAmount,
                         Map<String, String> returnData, Map<String, String> notificationData,
                         JsonNode transactionData, JsonNode cancelAnswer, Duration elapsed) {
}
