package org.caisse.officeserver.application.office;

import java.util.Set;

import org.caisse.officeserver.application.port.out.PaymentGateway.CardSource;
import org.caisse.officeserver.application.port.out.PaymentGateway.ClearCard;
import org.caisse.officeserver.application.port.out.PaymentGateway.EncryptedCard;
import org.caisse.officeserver.application.port.out.PaymentGateway.OrderCommand;
import org.caisse.officeserver.application.port.out.PaymentGateway.WalletCard;
import org.caisse.officeserver.domain.office.FieldFormatException;
import org.caisse.officeserver.domain.office.OrderFields;

/** Builds the order of the checkout-type services from checked request fields, in a fixed check order. */
final class OrderCommands {

    /** Fields of an order that keep their name at authorization-service. */
    static final Set<String> ORDER_FIELD_NAMES = Set.of("transactionReference", "currencyCode", "captureMode",
            "captureDay", "orderChannel", "orderId", "paymentPattern", "paymentMeanBrand", "customerIpAddress",
            "statementReference", "returnContext");

    private OrderCommands() {
    }

    /**
     * The clear card ({@code cardNumber}, {@code cardExpiryDate}, optional {@code cardCSCValue}) or
     * {@code encryptedCardData}: exactly one. Both → 30 {@code encryptedCardData}; none → 30 {@code cardNumber}.
     */
    static CardSource cardOf(OrderFields fields) {
        boolean clear = fields.has("cardNumber") || fields.has("cardExpiryDate") || fields.has("cardCSCValue");
        if (fields.has("encryptedCardData")) {
            if (clear) {
                throw new FieldFormatException("encryptedCardData");
            }
            return new EncryptedCard(fields.encryptedCardData());
        }
        return new ClearCard(fields.cardNumber(), fields.cardExpiryDate(), fields.cardCSCValue().orElse(null));
    }

    static WalletCard walletCardOf(OrderFields fields) {
        return new WalletCard(fields.merchantWalletId(), fields.paymentMeanId(),
                fields.cardCSCValue().orElse(null));
    }

    /** Reads the order fields; the card is read first among the optional ones so a card error is named first. */
    static OrderCommand orderOf(OrderFields fields, java.util.function.Function<OrderFields, CardSource> card) {
        String reference = fields.transactionReference();
        long amount = fields.amount("amount");
        String currency = fields.currencyCode();
        CardSource source = card.apply(fields);
        return new OrderCommand(reference, amount, currency,
                fields.captureMode().orElse(null),
                fields.captureDay().orElse(null),
                fields.orderChannel().orElse(null),
                fields.orderId().orElse(null),
                fields.paymentPattern().orElse(null),
                fields.paymentMeanBrand().orElse(null),
                fields.customerIpAddress().orElse(null),
                fields.statementReference().orElse(null),
                fields.returnContext().orElse(null),
                source);
    }
}
