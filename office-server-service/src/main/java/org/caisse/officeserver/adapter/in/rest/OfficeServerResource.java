package org.caisse.officeserver.adapter.in.rest;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import org.caisse.common.sips.ResponseCode;
import org.caisse.officeserver.application.office.OfficeOperations;
import org.caisse.officeserver.application.office.OfficeReply;
import org.caisse.officeserver.application.office.SealedRequestPipeline;
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

    @Inject
    public OfficeServerResource(OfficeOperations operations, SealedRequestPipeline pipeline) {
        this.operations = operations;
        this.pipeline = pipeline;
    }

    @POST
    @Path("{family}/{service}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Call an Office Server service (diagnostic/getTransactionData, cashManagement/cancel, wallet/*)")
    public Uni<Response> call(@PathParam("family") String family, @PathParam("service") String service, byte[] body) {
        return dispatch(family, service, body);
    }

    private Uni<Response> dispatch(String family, String service, byte[] body) {
        var operation = operations.find(family, service);
        if (operation.isEmpty()) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).build());
        }
        var request = OfficeJson.parseObject(body);
        if (request.isEmpty()) {
            return Uni.createFrom().item(Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(OfficeJson.write(Map.of(operation.get().responseCodeField(), ResponseCode.FORMAT_ERROR.code())))
                    .build());
        }
        return pipeline.handle(operation.get(), request.get()).map(OfficeServerResource::toResponse);
    }

    private static Response toResponse(OfficeReply reply) {
        return Response.status(reply.httpStatus())
                .type(MediaType.APPLICATION_JSON)
                .entity(OfficeJson.write(reply.body()))
                .build();
    }
}
