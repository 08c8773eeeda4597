package org.caisse.officeserver.application.office;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.application.office.PaymentResponses.FieldNames;
import org.caisse.officeserver.application.port.out.PaymentGateway;
import org.caisse.officeserver.application.port.out.PaymentGateway.EncryptedCard;
import org.caisse.officeserver.application.port.out.PaymentGateway.OrderCommand;
import org.caisse.officeserver.domain.office.OrderFields;

/**
 * {@code checkout/cardOrder}: a payment with a card sent by the merchant's server, clear or as
 * {@code encryptedCardData}. There is no shopper to send to a 3-D Secure challenge, so none is offered. A replay
 * of the same {@code transactionReference} is answered 94 by authorization-service and changes nothing.
 */
@ApplicationScoped
public class CardOrderOperation implements OfficeOperation {

    private final PaymentGateway payments;

    @Inject
    public CardOrderOperation(PaymentGateway payments) {
        this.payments = payments;
    }

    @Override
    public String family() {
        return "checkout";
    }

    @Override
    public String name() {
        return "cardOrder";
    }

    @Override
    public String interfaceVersionPrefix() {
        return "IR_WS_";
    }

    @Override
    public Uni<Map<String, Object>> execute(AuthenticatedRequest request) {
        OrderCommand order = OrderCommands.orderOf(new OrderFields(request.fields()), OrderCommands::cardOf);
        FieldNames names = new FieldNames("amount", OrderCommands.ORDER_FIELD_NAMES,
                order.card() instanceof EncryptedCard);
        return payments.authorize(request.merchantId(), order)
                .map(answer -> PaymentResponses.order(answer, names));
    }
}
