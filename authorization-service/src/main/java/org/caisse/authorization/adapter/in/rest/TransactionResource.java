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
import org.caisse.authorization.application.TransactionOperationsService;
import org.caisse.authorization.application.TransactionQueryService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A merchant's transaction: read with its history, cancel. Another merchant's transaction is unknown. */
@Path("/internal/v1/merchants/{merchantId}/transactions/{transactionReference}")
@RolesAllowed("service")
@InternalCallers
@Produces(MediaType.APPLICATION_JSON)
public class TransactionResource {

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
    @Path("/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel all or part of a transaction",
            description = "200 {responseCode, newAmount, newStatus, operationDateTime, transaction}; replaying an "
                    + "operationId returns the first answer and changes nothing")
    public Uni<Response> cancel(@PathParam("merchantId") String merchantId,
                                @PathParam("transactionReference") String transactionReference,
                                CancelRequestBody body) {
        var command = RequestValidator.cancel(merchantId, transactionReference, body);
        return operations.cancel(command)
                .map(answer -> Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build());
    }
}
