package org.caisse.officeserver.application.office;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.application.office.PaymentResponses.FieldNames;
import org.caisse.officeserver.application.port.out.PaymentGateway;
import org.caisse.officeserver.application.port.out.PaymentGateway.CashOperationCommand;
import org.caisse.officeserver.domain.office.OperationIds;
import org.caisse.officeserver.domain.office.OrderFields;

/**
 * {@code cashManagement/refund}: refunds (partly, several times, in total at most the captured amount) a captured
 * transaction. The operation id is derived from the sealed request, as for cancel: an identical request replayed
 * returns the first answer instead of refunding twice.
 */
@ApplicationScoped
public class RefundOperation implements OfficeOperation {

    private final PaymentGateway payments;

    @Inject
    public RefundOperation(PaymentGateway payments) {
        this.payments = payments;
    }

    @Override
    public String family() {
        return "cashManagement";
    }

    @Override
    public String name() {
        return "refund";
    }

    @Override
    public String interfaceVersionPrefix() {
        return "CR_WS_";
    }

    @Override
    public Uni<Map<String, Object>> execute(AuthenticatedRequest request) {
        OrderFields fields = new OrderFields(request.fields());
        String reference = fields.transactionReference();
        long amount = fields.amount("operationAmount");
        String currency = fields.currencyCode();
        String origin = fields.operationOrigin().orElse(null);
        CashOperationCommand command = new CashOperationCommand(OperationIds.forSealedRequest(
                family() + "/" + name(), request.merchantId(), request.common().seal()), amount, currency, origin);
        FieldNames names = new FieldNames("operationAmount", ValidateOperation.CASH_FIELD_NAMES, false);
        return payments.refund(request.merchantId(), reference, command)
                .map(answer -> PaymentResponses.cashOperation(answer, names, false));
    }
}
