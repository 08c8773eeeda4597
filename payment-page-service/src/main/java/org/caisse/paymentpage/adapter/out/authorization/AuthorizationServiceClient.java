package org.caisse.paymentpage.adapter.out.authorization;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** authorization-service's internal API (platform contracts). */
@Path("/internal/v1/authorizations")
@RegisterRestClient(configKey = "authorization-service")
public interface AuthorizationServiceClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Map<String, Object>> authorize(@HeaderParam("Authorization") String authorization, AuthorizationBody body);
}
