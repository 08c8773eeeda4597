package org.caisse.officeserver.application.office;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.common.money.Currencies;
import org.caisse.common.sips.ResponseCode;
import org.caisse.officeserver.application.port.out.TransactionGateway;
import org.caisse.officeserver.application.port.out.TransactionGateway.CancelCommand;
import org.caisse.officeserver.domain.office.FieldFormatException;
import org.caisse.officeserver.domain.office.OperationIds;
import org.caisse.officeserver.domain.office.ResponseFields;

/**
 * {@code cashManagement/cancel}: lowers (partial) or cancels (total) the amount of a transaction not
 * yet captured. The operation id is derived from the sealed request, so replaying the identical request
 * returns the first answer instead of cancelling twice.
 */
@ApplicationScoped
public class CancelOperation implements OfficeOperation {

    private final TransactionGateway transactions;

    @Inject
    public CancelOperation(TransactionGateway transactions) {
        this.transactions = transactions;
    }

    @Override
    public String family() {
        return "cashManagement";
    }

    @Override
    public String name() {
        return "cancel";
    }

    @Override
    public String interfaceVersionPrefix() {
        return "CR_WS_";
    }

    @Override
    public Uni<Map<String, Object>> execute(AuthenticatedRequest request) {
        var fields = request.fields();
        String reference = fields.transactionReference();
        long amount = fields.positiveAmount("operationAmount");
        String currency = fields.currencyCode();
        if (Currencies.byNumeric(currency).isEmpty()) {
            throw new FieldFormatException("currencyCode");
        }
        String origin = fields.optionalString("operationOrigin", 20).orElse(null);
        UUID operationId = OperationIds.forSealedRequest(family() + "/" + name(), request.merchantId(),
                request.common().seal());
        return transactions.cancel(request.merchantId(), reference,
                        new CancelCommand(operationId, amount, currency, origin))
                .map(answer -> answer.map(found -> toResponse(found.body()))
                        .orElseGet(() -> ResponseFields.withCode(ResponseCode.TRANSACTION_UNKNOWN.code()).asMap()));
    }

    static Map<String, Object> toResponse(Map<String, Object> answer) {
        Object code = answer.get("responseCode");
        ResponseFields response = ResponseFields.withCode(code == null
                ? ResponseCode.TEMPORARY_PROBLEM.code() : code.toString());
        // A cancel does not reach the acquirer: acquirerResponseCode is echoed only when the answer has one.
        return response.copy(answer, "acquirerResponseCode")
                .copy(answer, "newAmount")
                .copy(answer, "newStatus")
                .copy(answer, "operationDateTime")
                .asMap();
    }
}
