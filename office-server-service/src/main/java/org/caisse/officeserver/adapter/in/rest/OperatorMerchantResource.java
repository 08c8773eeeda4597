package org.caisse.officeserver.adapter.in.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.application.merchant.MerchantAccountService;
import org.caisse.officeserver.application.merchant.OperatorMerchantService;
import org.caisse.officeserver.application.merchant.OperatorMerchantService.Change;
import org.caisse.officeserver.application.merchant.OperatorMerchantService.StoredView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Merchant accounts for platform operators (Keycloak bearer token, realm role {@code operator}). Answers carry the
 * settings document plus {@code version}, and an {@code ETag} of that version; a replacement names the version it
 * edits ({@code If-Match} → 412 when stale, or a {@code version} field → 409 when stale).
 */
@Path("/api/v1/merchants")
@RolesAllowed(OperatorMerchantResource.OPERATOR)
@Tag(name = "Merchants (operators)")
public class OperatorMerchantResource {

    public static final String OPERATOR = "operator";
    private static final Pattern MERCHANT_ID = Pattern.compile("[0-9]{15}");
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");
    private static final int MAX_LIMIT = 200;

    private final OperatorMerchantService merchants;

    public OperatorMerchantResource(OperatorMerchantService merchants) {
        this.merchants = merchants;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Merchants in merchantId order (keyset pagination: after = the last merchantId seen)")
    public Uni<Response> list(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        if (after != null && !MERCHANT_ID.matcher(after).matches()) {
            return problem(400, "Invalid query", List.of(violation("after", "must be 15 digits")));
        }
        Integer size = parseLimit(limit);
        if (size == null) {
            return problem(400, "Invalid query", List.of(violation("limit", "must be an integer from 1 to " + MAX_LIMIT)));
        }
        return merchants.list(after, size).map(page -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("merchants", page.stream().map(StoredView::withVersion).toList());
            body.put("next", page.size() == size ? page.getLast().merchantId() : null);
            return Response.ok(OfficeJson.write(body), MediaType.APPLICATION_JSON).build();
        });
    }

    @GET
    @Path("{merchantId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "One merchant's settings and version")
    public Uni<Response> get(@PathParam("merchantId") String merchantId) {
        if (!MERCHANT_ID.matcher(merchantId).matches()) {
            return Uni.createFrom().item(notFound());
        }
        return merchants.get(merchantId).map(found -> found.map(view -> ok(view, 200)).orElseGet(this::notFound));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Create a merchant; publishes org.caisse.merchant.updated.v1 (version 1)")
    public Uni<Response> create(byte[] body) {
        var document = OfficeJson.parseObject(body);
        if (document.isEmpty()) {
            return malformed();
        }
        return merchants.create(document.get()).map(change -> answer(change, false));
    }

    @PUT
    @Path("{merchantId}")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Replace a merchant's settings from the version named by If-Match or the version field")
    public Uni<Response> replace(@PathParam("merchantId") String merchantId, @HeaderParam("If-Match") String ifMatch,
                                 byte[] body) {
        var parsed = OfficeJson.parseObject(body);
        if (parsed.isEmpty()) {
            return malformed();
        }
        Map<String, Object> document = new LinkedHashMap<>(parsed.get());
        boolean versionInBody = document.containsKey(MerchantAccountService.VERSION_FIELD);
        Object bodyVersion = document.remove(MerchantAccountService.VERSION_FIELD);
        OptionalLong fromBody = OptionalLong.empty();
        if (versionInBody) {
            if (!(bodyVersion instanceof Integer || bodyVersion instanceof Long) || ((Number) bodyVersion).longValue() < 1) {
                return problem(400, "Invalid merchant settings",
                        List.of(violation("version", "must be a positive integer")));
            }
            fromBody = OptionalLong.of(((Number) bodyVersion).longValue());
        }
        OptionalLong fromHeader = OptionalLong.empty();
        if (ifMatch != null) {
            Matcher tag = ENTITY_TAG.matcher(ifMatch.strip());
            if (!tag.matches()) {
                return problem(400, "Invalid If-Match", List.of(violation("If-Match", "must be the ETag \"<version>\"")));
            }
            fromHeader = OptionalLong.of(Long.parseLong(tag.group(1)));
        }
        if (fromHeader.isPresent() && fromBody.isPresent() && fromHeader.getAsLong() != fromBody.getAsLong()) {
            return problem(400, "Invalid merchant settings",
                    List.of(violation("version", "differs from the version of If-Match")));
        }
        if (fromHeader.isEmpty() && fromBody.isEmpty()) {
            return Uni.createFrom().item(Problem.of(428, "Precondition Required",
                    "name the version you edit: If-Match: \"<version>\" or a version field"));
        }
        int conflictStatus = fromHeader.isPresent() ? 412 : 409;
        OptionalLong expected = fromHeader.isPresent() ? fromHeader : fromBody;
        if (!MERCHANT_ID.matcher(merchantId).matches()) {
            return Uni.createFrom().item(notFound());
        }
        return merchants.replace(merchantId, document, expected).map(change -> change instanceof Change.Conflict c
                ? Problem.of(conflictStatus, conflictStatus == 412 ? "Precondition Failed" : "Conflict",
                        "the merchant's settings are at version " + c.currentVersion() + "; read them again")
                : answer(change, true));
    }

    private Response answer(Change change, boolean replacement) {
        return switch (change) {
            case Change.Done done -> ok(done.merchant(), done.created() ? 201 : 200);
            case Change.Rejected rejected -> Problem.of(400, "Invalid merchant settings",
                    rejected.violations().size() + " field(s) refused",
                    rejected.violations().stream().map(v -> violation(v.field(), v.message())).toList());
            case Change.NotFound notFound -> notFound();
            case Change.Conflict conflict -> Problem.of(409, "Conflict", replacement
                    ? "the merchant's settings are at version " + conflict.currentVersion()
                    : "merchant already exists");
        };
    }

    private Response ok(StoredView view, int status) {
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(OfficeJson.write(view.withVersion()))
                .header("ETag", "\"" + view.version() + "\"");
        if (status == 201) {
            answer.header("Location", "/api/v1/merchants/" + view.merchantId());
        }
        return answer.build();
    }

    private Response notFound() {
        return Problem.of(404, "Not Found", "no such merchant");
    }

    private static Uni<Response> malformed() {
        return Uni.createFrom().item(Problem.of(400, "Malformed request body",
                "the body must be one JSON object (merchant settings)"));
    }

    private static Uni<Response> problem(int status, String title, List<Map<String, String>> violations) {
        return Uni.createFrom().item(Problem.of(status, title, violations.size() + " field(s) refused", violations));
    }

    private static Map<String, String> violation(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static Integer parseLimit(String limit) {
        if (limit == null) {
            return 50;
        }
        try {
            int value = Integer.parseInt(limit);
            return value >= 1 && value <= MAX_LIMIT ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
