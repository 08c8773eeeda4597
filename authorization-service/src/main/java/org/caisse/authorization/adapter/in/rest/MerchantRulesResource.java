package org.caisse.authorization.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caisse.authorization.application.InvalidRulesDocumentException;
import org.caisse.authorization.application.MerchantRulesDocument;
import org.caisse.authorization.application.MerchantRulesService;
import org.caisse.authorization.application.port.out.StaleRulesVersionException;
import org.caisse.authorization.application.port.out.VersionedMerchantRules;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A merchant's rules: fraud rules and the merchants it may duplicate from. The answer carries the version, also as
 * the {@code ETag}; a change may be made conditional with {@code If-Match}.
 */
@Path("/internal/v1/merchants/{merchantId}/rules")
@RolesAllowed("service")
@RuleCallers
@Produces(MediaType.APPLICATION_JSON)
public class MerchantRulesResource {

    /** {@code 3} or {@code "3"}: the version a conditional change expects. */
    private static final Pattern VERSION_TAG = Pattern.compile("\"?(\\d{1,18})\"?");

    private final MerchantRulesService rules;
    private final JsonWebToken jwt;

    public MerchantRulesResource(MerchantRulesService rules, JsonWebToken jwt) {
        this.rules = rules;
        this.jwt = jwt;
    }

    @GET
    @Operation(summary = "A merchant's rules",
            description = "200 {merchantId, version, updatedAt, updatedBy, rules}; version 0 and the defaults (no "
                    + "rule) when the merchant never set any")
    public Uni<Response> get(@PathParam("merchantId") String merchantId) {
        String merchant = RequestValidator.merchantId(merchantId);
        return rules.get(merchant).map(MerchantRulesResource::ok);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a merchant's rules",
            description = "The body is the whole rules document; absent rules are off. 200 with the new version; "
                    + "400 with field for an invalid document; 412 when If-Match names another version")
    public Uni<Response> put(@PathParam("merchantId") String merchantId,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             Map<String, Object> body) {
        String merchant = RequestValidator.merchantId(merchantId);
        Long expectedVersion = expectedVersion(ifMatch);
        try {
            return rules.replace(merchant, body, jwt.getSubject(), expectedVersion)
                    .map(MerchantRulesResource::ok)
                    .onFailure(StaleRulesVersionException.class).recoverWithItem(() -> Problems.of(412,
                            "Precondition Failed", "the rules changed since version " + expectedVersion, null));
        } catch (InvalidRulesDocumentException e) {
            throw new InvalidFieldException(e.field(), e.reason());
        }
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher m = VERSION_TAG.matcher(ifMatch.strip());
        if (!m.matches()) {
            throw new InvalidFieldException(HttpHeaders.IF_MATCH, "a rules version is required");
        }
        return Long.parseLong(m.group(1));
    }

    private static Response ok(VersionedMerchantRules stored) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("merchantId", stored.merchantId());
        answer.put("version", stored.version());
        answer.put("updatedAt", stored.updatedAt() == null ? null : stored.updatedAt().toString());
        answer.put("updatedBy", stored.updatedBy());
        answer.put("rules", MerchantRulesDocument.write(stored.rules()));
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE)
                .tag(new EntityTag(Long.toString(stored.version()))).build();
    }
}
