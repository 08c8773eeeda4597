package org.caisse.paymentpage.adapter.out.authorization;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** authorization-service's internal API (platform contracts). */
@Path("/internal/v1")
@RegisterRestClient(configKey = "authorization-service")
public interface AuthorizationServiceClient {

    @POST
    @Path("/authorizations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Map<String, Object>> authorize(@HeaderParam("Authorization") String authorization, AuthorizationBody body);

    /** The ACS result of a pending 3-D Secure authentication; 200 transaction snapshot, 404 unknown or used. */
    @POST
    @Path("/authentications/{authenticationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Map<String, Object>> authenticate(@HeaderParam("Authorization") String authorization,
                                          @PathParam("authenticationId") String authenticationId,
                                          AuthenticationResultBody body);

    /** {@code {"transaction": <snapshot>, "operations": [...]}}; 404 when unknown for that merchant. */
    @GET
    @Path("/merchants/{merchantId}/transactions/{transactionReference}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Map<String, Object>> transaction(@HeaderParam("Authorization") String authorization,
                                         @PathParam("merchantId") String merchantId,
                                         @PathParam("transactionReference") String transactionReference);
}
