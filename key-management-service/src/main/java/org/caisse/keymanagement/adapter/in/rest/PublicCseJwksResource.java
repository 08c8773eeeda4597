package org.caisse.keymanagement.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.caisse.keymanagement.application.CseKeyService;
import org.caisse.keymanagement.config.CseConfig;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.cse.CsePublicKey;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public keys a shop encrypts card data with, as a JSON Web Key Set: no authentication (public keys only), any
 * origin may read it (the shop's page fetches it from the browser), cacheable for {@code caisse.cse.jwks-max-age}.
 * Only the pairs to encrypt with now ({@code ACTIVE}), newest first: a shop uses the first key. A merchant without
 * keys gets an empty set, so the endpoint says nothing about which merchants exist.
 */
@Path("/cse/v1/merchants/{merchantId}/jwks.json")
@PermitAll
@Tag(name = "Public: CSE keys")
public class PublicCseJwksResource {

    private final CseKeyService keys;
    private final String cacheControl;

    public PublicCseJwksResource(CseKeyService keys, CseConfig config) {
        this.keys = keys;
        this.cacheControl = "public, max-age=" + config.jwksMaxAge().toSeconds();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(summary = "JWKS of the merchant's CSE public keys (ECDH-ES+A256KW, P-256); use the first key")
    @APIResponse(responseCode = "200", description = "{\"keys\":[public JWK...]}, possibly empty")
    @APIResponse(responseCode = "400", description = "merchantId is not 15 digits")
    public Uni<Response> jwks(@PathParam("merchantId") String merchantId) {
        return keys.keysOfferedForEncryption(MerchantId.of(merchantId)).map(this::toJwks);
    }

    private Response toJwks(List<CsePublicKey> offered) {
        // The stored public JWKs are JSON produced by the JOSE library; they are set in the array as they are.
        String body = offered.stream().map(key -> key.publicJwk().json())
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        return Response.ok(body, MediaType.APPLICATION_JSON)
                .header("Cache-Control", cacheControl)
                .header("Access-Control-Allow-Origin", "*")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
