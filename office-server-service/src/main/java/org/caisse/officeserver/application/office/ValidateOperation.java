package org.caisse.officeserver.application.office;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.application.office.PaymentResponses.FieldNames;
import org.caisse.officeserver.application.port.out.PaymentGateway;
import org.caisse.officeserver.application.port.out.PaymentGateway.CashOperationCommand;
import org.caisse.officeserver.domain.office.OperationIds;
import org.caisse.officeserver.domain.office.OrderFields;

/**
 * {@code cashManagement/validate}: validates (≤ the authorized amount) a transaction authorized with
 * {@code captureMode=VALIDATION}. authorization-service validates once and releases the rest, so
 * {@code lastRecoveryIndicator} is checked (Y or N) but changes nothing. The operation id is derived from the sealed
 * request, as for cancel: an identical request replayed returns the first answer.
 */
@ApplicationScoped
public class ValidateOperation implements OfficeOperation {

    static final Set<String> CASH_FIELD_NAMES = Set.of("currencyCode", "operationOrigin");

    private final PaymentGateway payments;

    @Inject
    public ValidateOperation(PaymentGateway payments) {
        this.payments = payments;
    }

    @Override
    public String family() {
        return "cashManagement";
    }

    @Override
    public String name() {
        return "validate";
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
        fields.lastRecoveryIndicator();
        CashOperationCommand command = new CashOperationCommand(OperationIds.forSealedRequest(
                family() + "/" + name(), request.merchantId(), request.common().seal()), amount, currency, origin);
        FieldNames names = new FieldNames("operationAmount", CASH_FIELD_NAMES, false);
        return payments.validate(request.merchantId(), reference, command)
                .map(answer -> PaymentResponses.cashOperation(answer, names, true));
    }
}
