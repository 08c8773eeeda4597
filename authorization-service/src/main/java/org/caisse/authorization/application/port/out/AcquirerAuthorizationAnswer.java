package org.caisse.authorization.application.port.out;

import org.caisse.authorization.domain.AuthorizationResult;

/**
 * The acquirer's answer.
 *
 * @param approved              approved or declined
 * @param acquirerResponseCode  ISO 8583 style code ({@code 00} approved, {@code 05} do not honour, ...)
 * @param authorisationId       6 digits when approved, null otherwise
 * @param cardCSCResultCode     {@code 4D} correct, {@code 4E} wrong, {@code 50} not processed, {@code 53} missing
 * @param brand                 the brand the card was authorized under
 */
public record AcquirerAuthorizationAnswer(boolean approved, String acquirerResponseCode, String authorisationId,
                                          String cardCSCResultCode, String brand) {

    /** No answer in time: treated as "response received too late" (68), which the engine answers as 90. */
    public static AcquirerAuthorizationAnswer unanswered(String brand) {
        return new AcquirerAuthorizationAnswer(false, "68", null, null, brand);
    }

    public AuthorizationResult toResult() {
        return new AuthorizationResult(approved, acquirerResponseCode, authorisationId, cardCSCResultCode);
    }
}
