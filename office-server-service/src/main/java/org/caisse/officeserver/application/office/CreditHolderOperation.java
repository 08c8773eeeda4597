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
 * {@code cashManagement/creditHolder}: credits a card without an earlier payment (authorization-service
 * {@code /credits}; the credit is {@code TO_CREDIT} until the remittance). The request is a cardOrder's (clear card
 * or {@code encryptedCardData}) and so is the answer. SIPS.md does not name this service: Caisse exposes it under
 * {@code cashManagement} with the {@code CR_WS_} prefix, as a cash operation of the merchant.
 */
@ApplicationScoped
public class CreditHolderOperation implements OfficeOperation {

    private final PaymentGateway payments;

    @Inject
    public CreditHolderOperation(PaymentGateway payments) {
        this.payments = payments;
    }

    @Override
    public String family() {
        return "cashManagement";
    }

    @Override
    public String name() {
        return "creditHolder";
    }

    @Override
    public String interfaceVersionPrefix() {
        return "CR_WS_";
    }

    @Override
    public Uni<Map<String, Object>> execute(AuthenticatedRequest request) {
        OrderCommand order = OrderCommands.orderOf(new OrderFields(request.fields()), OrderCommands::cardOf);
        FieldNames names = new FieldNames("amount", OrderCommands.ORDER_FIELD_NAMES,
                order.card() instanceof EncryptedCard);
        return payments.creditHolder(request.merchantId(), order)
                .map(answer -> PaymentResponses.order(answer, names));
    }
}
