package org.caisse.officeserver.application.port.out;

import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Payments and cash operations of authorization-service, always on behalf of ONE merchant: the merchant
 * authenticated by the seal. Fails with {@link DownstreamUnavailableException} when the service cannot answer.
 * No record here shows a card number or a CSC in {@code toString}.
 */
public interface PaymentGateway {

    /** Where the card of an order comes from: exactly one source. */
    sealed interface CardSource permits ClearCard, EncryptedCard, WalletCard {
    }

    /** A card typed by the merchant's server. */
    record ClearCard(String number, String expiryDate, String cscValue) implements CardSource {
        @Override
        public String toString() {
            return "ClearCard[hidden]";
        }
    }

    /** A card encrypted with the merchant's CSE public key (a compact JWE). */
    record EncryptedCard(String encryptedCardData) implements CardSource {
        @Override
        public String toString() {
            return "EncryptedCard[hidden]";
        }
    }

    /** A card of the merchant's wallet. */
    record WalletCard(String merchantWalletId, String paymentMeanId, String cscValue) implements CardSource {
        @Override
        public String toString() {
            return "WalletCard[" + merchantWalletId + ", " + paymentMeanId + "]";
        }
    }

    /** The order of a new payment (or of a credit holder): amounts in minor units of {@code currencyCode}. */
    record OrderCommand(String transactionReference, long amount, String currencyCode, String captureMode,
                        Integer captureDay, String orderChannel, String orderId, String paymentPattern,
                        String paymentMeanBrand, String customerIpAddress, String statementReference,
                        String returnContext, CardSource card) {
    }

    /** A new payment with the card of an earlier transaction ({@code fromMerchantId} null: the same merchant). */
    record DuplicateCommand(String fromTransactionReference, String fromMerchantId, String transactionReference,
                            long amount, String currencyCode, String captureMode, Integer captureDay,
                            String orderChannel, String orderId, String returnContext) {
    }

    /** A validate or refund: {@code operationId} dedupes replays at authorization-service. */
    record CashOperationCommand(UUID operationId, long amount, String currencyCode, String operationOrigin) {
    }

    /** How authorization-service answered. */
    sealed interface Answer permits Answered, NotFound, Invalid {
    }

    /** HTTP 200: the business answer (a transaction snapshot or an operation answer), whatever its responseCode. */
    record Answered(Map<String, Object> body) implements Answer {
    }

    /** HTTP 404: the merchant has no such transaction. */
    record NotFound() implements Answer {
    }

    /** HTTP 400: the service refused a field ({@code field} in its own naming, null when it named none). */
    record Invalid(String field) implements Answer {
    }

    Uni<Answer> authorize(String merchantId, OrderCommand order);

    Uni<Answer> creditHolder(String merchantId, OrderCommand order);

    Uni<Answer> duplicate(String merchantId, DuplicateCommand duplicate);

    Uni<Answer> validate(String merchantId, String transactionReference, CashOperationCommand command);

    Uni<Answer> refund(String merchantId, String transactionReference, CashOperationCommand command);
}
