package org.caisse.officeserver.adapter.in.rest;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.caisse.common.sips.ResponseCode;
import org.caisse.officeserver.application.office.OfficeCall;
import org.caisse.officeserver.application.office.OfficeOperation;
import org.caisse.officeserver.application.office.OfficeOperations;
import org.caisse.officeserver.application.office.OfficeRateLimits;
import org.caisse.officeserver.application.office.OfficeReply;
import org.caisse.officeserver.application.office.SealedRequestPipeline;
import org.caisse.officeserver.domain.guard.IdempotencyKey;
import org.caisse.officeserver.domain.office.FieldFormatException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Office Server JSON API: {@code POST /rs-services/v2/<family>/<service>} (trailing slash
 * tolerated). Every service goes through the {@link SealedRequestPipeline}; this adapter only turns
 * bytes into a JSON object and a reply into an HTTP response.
 */
@Path("/rs-services/v2")
@Tag(name = "Office Server", description = "Sips 2.0 Office Server JSON services, sealed with HMAC-SHA-256")
public class OfficeServerResource {

    private final OfficeOperations operations;
    private final SealedRequestPipeline pipeline;
    private final OfficeRateLimits limits;

    @Inject
    public OfficeServerResource(OfficeOperations operations, SealedRequestPipeline pipeline, OfficeRateLimits limits) {
        this.operations = operations;
        this.pipeline = pipeline;
        this.limits = limits;
    }

    @POST
    @Path("{family}/{service}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Call an Office Server service (checkout/*, cashManagement/*, diagnostic/*, wallet/*)")
    public Uni<Response> call(@PathParam("family") String family, @PathParam("service") String service,
                              @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                              @Context HttpServerRequest http, byte[] body) {
        // counted before anything else: a flood must not make us parse JSON, fetch keys or compute HMACs
        var budget = limits.forClient(clientAddress(http));
        if (!budget.allowed()) {
            // wallet services answer their codes in walletResponseCode, the others in responseCode
            String codeField = operations.find(family, service).map(OfficeOperation::responseCodeField)
                    .orElse("responseCode");
            return Uni.createFrom().item(Response.status(429).type(MediaType.APPLICATION_JSON)
                    .header("Retry-After", Long.toString(budget.retryAfterSeconds()))
                    .entity(OfficeJson.write(Map.of(codeField, ResponseCode.SERVICE_UNAVAILABLE.code()))).build());
        }
        return dispatch(family, service, idempotencyKey, body);
    }

    private static String clientAddress(HttpServerRequest http) {
        return http == null || http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    private Uni<Response> dispatch(String family, String service, String idempotencyHeader, byte[] body) {
        var operation = operations.find(family, service);
        if (operation.isEmpty()) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).build());
        }
        java.util.Optional<IdempotencyKey> idempotencyKey;
        try {
            idempotencyKey = IdempotencyKey.fromHeader(idempotencyHeader);
        } catch (FieldFormatException badKey) {
            return Uni.createFrom().item(Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.APPLICATION_JSON).entity(OfficeJson.write(Map.of(
                            operation.get().responseCodeField(), ResponseCode.FORMAT_ERROR.code(),
                            "errorFieldName", IdempotencyKey.HEADER))).build());
        }
        var request = OfficeJson.parseObject(body);
        if (request.isEmpty()) {
            return Uni.createFrom().item(Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(OfficeJson.write(Map.of(operation.get().responseCodeField(), ResponseCode.FORMAT_ERROR.code())))
                    .build());
        }
        var call = new OfficeCall(body, idempotencyKey, OfficeJson::write);
        return pipeline.handle(operation.get(), request.get(), call).map(OfficeServerResource::toResponse);
    }

    private static Response toResponse(OfficeReply reply) {
        Response.ResponseBuilder response = Response.status(reply.httpStatus())
                .type(MediaType.APPLICATION_JSON)
                .entity(reply.encoded() != null ? reply.encoded() : OfficeJson.write(reply.body()));
        reply.headers().forEach(response::header);
        return response.build();
    }
}
