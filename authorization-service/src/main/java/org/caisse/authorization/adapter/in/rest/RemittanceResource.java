package org.caisse.authorization.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.caisse.authorization.application.RemittanceService;
import org.caisse.authorization.config.AuthorizationConfig;
import org.caisse.common.identity.ServiceCallers;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operator's button: runs today's remittance at once for one merchant (TEST merchants, the demo, tests, or a
 * merchant that must not wait for the cut-off). Only the services of {@code caisse.internal.operators} may call it.
 */
@Path("/internal/v1/remittance/runs")
@RolesAllowed("service")
@Produces(MediaType.APPLICATION_JSON)
public class RemittanceResource {

    /** Body: the merchant whose due transactions are remitted now. */
    public static class RunRequestBody {
        public String merchantId;
    }

    private final RemittanceService remittance;
    private final JsonWebToken jwt;
    private final Set<String> operators;

    public RemittanceResource(RemittanceService remittance, JsonWebToken jwt, AuthorizationConfig config) {
        this.remittance = remittance;
        this.jwt = jwt;
        this.operators = Set.copyOf(config.internal().operators());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run today's remittance now for one merchant",
            description = "200 {businessDate, merchantId, captured, authorized, credited, expired, refused}; running it "
                    + "again the same day changes nothing more")
    public Uni<Response> run(RunRequestBody body) {
        if (!ServiceCallers.isAllowed(jwt.getRawToken(), jwt.getSubject(), operators)) {
            return Uni.createFrom().item(Problems.of(403, "Forbidden", "this service may not run the remittance", null));
        }
        if (body == null) {
            throw new InvalidFieldException("body", "a JSON object is required");
        }
        String merchantId = RequestValidator.merchantId(body.merchantId);
        LocalDate businessDate = remittance.today();
        return remittance.run(merchantId, businessDate).map(report -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("businessDate", businessDate.toString());
            answer.put("merchantId", merchantId);
            answer.put("captured", report.captured());
            answer.put("authorized", report.authorized());
            answer.put("credited", report.credited());
            answer.put("expired", report.expired());
            answer.put("refused", report.refused());
            return Response.ok(answer).build();
        });
    }
}
