package org.caisse.officeserver.application.office;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.application.office.PaymentResponses.FieldNames;
import org.caisse.officeserver.application.port.out.PaymentGateway;
import org.caisse.officeserver.application.port.out.PaymentGateway.DuplicateCommand;
import org.caisse.officeserver.domain.office.OrderFields;

/**
 * {@code cashManagement/duplicate}: a new payment with the card of an earlier transaction. {@code fromMerchantId}
 * (another shop of the merchant) is passed to authorization-service, which allows it only when the sealed
 * merchant's rules list it ({@code duplicateFromMerchants}), else 40; an unknown source is 25.
 */
@ApplicationScoped
public class DuplicateOperation implements OfficeOperation {

    private static final Set<String> SAME_NAMES = Set.of("fromTransactionReference", "fromMerchantId",
            "transactionReference", "currencyCode", "captureMode", "captureDay", "orderChannel", "orderId",
            "returnContext");

    private final PaymentGateway payments;

    @Inject
    public DuplicateOperation(PaymentGateway payments) {
        this.payments = payments;
    }

    @Override
    public String family() {
        return "cashManagement";
    }

    @Override
    public String name() {
        return "duplicate";
    }

    @Override
    public String interfaceVersionPrefix() {
        return "CR_WS_";
    }

    @Override
    public Uni<Map<String, Object>> execute(AuthenticatedRequest request) {
        OrderFields fields = new OrderFields(request.fields());
        DuplicateCommand duplicate = new DuplicateCommand(
                fields.fromTransactionReference(),
                fields.fromMerchantId().orElse(null),
                fields.transactionReference(),
                fields.amount("amount"),
                fields.currencyCode(),
                fields.captureMode().orElse(null),
                fields.captureDay().orElse(null),
                fields.orderChannel().orElse(null),
                fields.orderId().orElse(null),
                fields.returnContext().orElse(null));
        FieldNames names = new FieldNames("amount", SAME_NAMES, false);
        return payments.duplicate(request.merchantId(), duplicate)
                .map(answer -> PaymentResponses.order(answer, names, "panExpiryDate"));
    }
}
