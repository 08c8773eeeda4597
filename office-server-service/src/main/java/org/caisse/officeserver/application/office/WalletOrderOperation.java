package org.caisse.officeserver.application.office;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.application.office.PaymentResponses.FieldNames;
import org.caisse.officeserver.application.port.out.PaymentGateway;
import org.caisse.officeserver.application.port.out.PaymentGateway.OrderCommand;
import org.caisse.officeserver.domain.office.OrderFields;

/**
 * {@code checkout/walletOrder}: a payment with a card of the merchant's wallet ({@code merchantWalletId},
 * {@code paymentMeanId}, optional {@code cardCSCValue}). An unknown wallet or card is answered 14 by
 * authorization-service (its wallets are per merchant: another merchant's wallet is unknown).
 */
@ApplicationScoped
public class WalletOrderOperation implements OfficeOperation {

    private final PaymentGateway payments;

    @Inject
    public WalletOrderOperation(PaymentGateway payments) {
        this.payments = payments;
    }

    @Override
    public String family() {
        return "checkout";
    }

    @Override
    public String name() {
        return "walletOrder";
    }

    @Override
    public String interfaceVersionPrefix() {
        return "IR_WS_";
    }

    @Override
    public Uni<Map<String, Object>> execute(AuthenticatedRequest request) {
        OrderCommand order = OrderCommands.orderOf(new OrderFields(request.fields()), OrderCommands::walletCardOf);
        FieldNames names = new FieldNames("amount", OrderCommands.ORDER_FIELD_NAMES, false);
        return payments.authorize(request.merchantId(), order)
                .map(answer -> PaymentResponses.order(answer, names));
    }
}
