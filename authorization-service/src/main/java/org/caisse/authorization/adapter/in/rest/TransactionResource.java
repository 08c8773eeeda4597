package org.caisse.authorization.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.caisse.authorization.application.CashOperation;
import org.caisse.authorization.application.TransactionOperationsService;
import org.caisse.authorization.application.TransactionQueryService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A merchant's transaction: read with its history, validate, cancel, refund, force a referral. Another merchant's transaction is unknown. */
@Path("/internal/v1/merchants/{merchantId}/transactions/{transactionReference}")
@RolesAllowed("service")
@InternalCallers
@Produces(MediaType.APPLICATION_JSON)
public class TransactionResource {

    static final String OPERATION_ANSWER = "200 {responseCode, newAmount, newStatus, operationDateTime, "
            + "authorisationId?, captureLimitDate?, transaction}: 00 done, 24 not possible in this status or amount "
            + "above what remains, 12 other currency, 25 unknown transaction. Replaying an operationId returns the "
            + "first answer and changes nothing.";

    private final TransactionQueryService queries;
    private final TransactionOperationsService operations;

    public TransactionResource(TransactionQueryService queries, TransactionOperationsService operations) {
        this.queries = queries;
        this.operations = operations;
    }

    @GET
    @Operation(summary = "A transaction with its operation history", description = "404 when unknown for that merchant")
    public Uni<Response> get(@PathParam("merchantId") String merchantId,
                             @PathParam("transactionReference") String transactionReference) {
        String merchant = RequestValidator.merchantId(merchantId);
        String reference = RequestValidator.transactionReference(transactionReference);
        return queries.find(merchant, reference).map(found -> found
                .map(body -> Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build())
                .orElseGet(() -> Problems.of(404, "Not Found", "no such transaction for this merchant", null)));
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate all or part of a payment waiting for validation (captureMode VALIDATION)",
            description = OPERATION_ANSWER)
    public Uni<Response> validate(@PathParam("merchantId") String merchantId,
                                  @PathParam("transactionReference") String transactionReference,
                                  OperationRequestBody body) {
        return run(CashOperation.VALIDATE, merchantId, transactionReference, body);
    }

    @POST
    @Path("/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel all or part of what has not been captured", description = OPERATION_ANSWER)
    public Uni<Response> cancel(@PathParam("merchantId") String merchantId,
                                @PathParam("transactionReference") String transactionReference,
                                OperationRequestBody body) {
        return run(CashOperation.CANCEL, merchantId, transactionReference, body);
    }

    @POST
    @Path("/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refund all or part of a captured payment (several refunds up to the captured amount)",
            description = OPERATION_ANSWER)
    public Uni<Response> refund(@PathParam("merchantId") String merchantId,
                                @PathParam("transactionReference") String transactionReference,
                                OperationRequestBody body) {
        return run(CashOperation.REFUND, merchantId, transactionReference, body);
    }

    @POST
    @Path("/force")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Force a referral with the authorization number the issuer gave by phone",
            description = OPERATION_ANSWER)
    public Uni<Response> force(@PathParam("merchantId") String merchantId,
                               @PathParam("transactionReference") String transactionReference,
                               OperationRequestBody body) {
        return run(CashOperation.FORCE_REFERRAL, merchantId, transactionReference, body);
    }

    private Uni<Response> run(CashOperation operation, String merchantId, String transactionReference,
                              OperationRequestBody body) {
        var command = RequestValidator.operation(operation, merchantId, transactionReference, body);
        return operations.operate(command)
                .map(answer -> Response.ok(answer.json(), MediaType.APPLICATION_JSON_TYPE).build());
    }
}
