package org.caisse.authorization.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caisse.authorization.application.EngineSettings;
import org.caisse.authorization.application.WalletService;
import org.caisse.authorization.domain.WalletPaymentMean;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A customer's Sips wallet at a merchant: add a card, read, rename or delete a payment mean, sign off. Another merchant's
 * wallet is unknown (404), never forbidden. Card numbers are never returned, only the masked form and the token.
 */
@Path("/internal/v1/merchants/{merchantId}/wallets/{merchantWalletId}")
@RolesAllowed("service")
@InternalCallers
@Produces(MediaType.APPLICATION_JSON)
public class WalletResource {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("uuuuMM");

    private final WalletService wallets;
    private final Clock clock;
    private final EngineSettings settings;

    public WalletResource(WalletService wallets, Clock clock, EngineSettings settings) {
        this.wallets = wallets;
        this.clock = clock;
        this.settings = settings;
    }

    @POST
    @Path("/payment-means")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a card to a wallet",
            description = "body {card:{number, expiryDate yyyyMM}, paymentMeanAlias?, paymentMeanBrand?}; 200 with "
                    + "the payment mean (the existing one when the card is already in the wallet); 400 problem "
                    + "JSON naming the field")
    public Uni<Map<String, Object>> addCard(@PathParam("merchantId") String merchantId,
                                            @PathParam("merchantWalletId") String merchantWalletId,
                                            WalletCardRequestBody body) {
        var command = WalletRequestValidator.addCard(merchantId, merchantWalletId, body,
                YearMonth.now(clock.withZone(settings.zone())));
        return wallets.addCard(command).map(WalletResource::paymentMeanJson);
    }

    @GET
    @Operation(summary = "A wallet's payment means",
            description = "200 {merchantWalletId, paymentMeans:[...]} by paymentMeanId; 404 when the wallet is "
                    + "unknown or empty for that merchant")
    public Uni<Response> wallet(@PathParam("merchantId") String merchantId,
                                @PathParam("merchantWalletId") String merchantWalletId) {
        String merchant = RequestValidator.merchantId(merchantId);
        String wallet = WalletRequestValidator.merchantWalletId(merchantWalletId);
        return wallets.wallet(merchant, wallet).map(means -> {
            if (means.isEmpty()) {
                return notFound("no such wallet for this merchant");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("merchantWalletId", wallet);
            List<Map<String, Object>> list = means.stream().map(WalletResource::paymentMeanJson).toList();
            body.put("paymentMeans", list);
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    @DELETE
    @Operation(summary = "Sign off: delete every payment mean of the wallet",
            description = "204; 404 when the wallet is unknown or already empty for that merchant")
    public Uni<Response> signOff(@PathParam("merchantId") String merchantId,
                                 @PathParam("merchantWalletId") String merchantWalletId) {
        String merchant = RequestValidator.merchantId(merchantId);
        String wallet = WalletRequestValidator.merchantWalletId(merchantWalletId);
        return wallets.signOff(merchant, wallet).map(deleted -> deleted
                ? Response.noContent().build() : notFound("no such wallet for this merchant"));
    }

    @GET
    @Path("/payment-means/{paymentMeanId}")
    @Operation(summary = "One payment mean of a wallet", description = "404 when unknown or deleted")
    public Uni<Response> paymentMean(@PathParam("merchantId") String merchantId,
                                     @PathParam("merchantWalletId") String merchantWalletId,
                                     @PathParam("paymentMeanId") String paymentMeanId) {
        String merchant = RequestValidator.merchantId(merchantId);
        String wallet = WalletRequestValidator.merchantWalletId(merchantWalletId);
        int rank = WalletRequestValidator.paymentMeanId(paymentMeanId);
        return wallets.paymentMean(merchant, wallet, rank).map(found -> found
                .map(mean -> Response.ok(paymentMeanJson(mean), MediaType.APPLICATION_JSON_TYPE).build())
                .orElseGet(() -> notFound("no such payment mean in this wallet")));
    }

    @DELETE
    @Path("/payment-means/{paymentMeanId}")
    @Operation(summary = "Delete a payment mean", description = "204; 404 when unknown or already deleted")
    public Uni<Response> deletePaymentMean(@PathParam("merchantId") String merchantId,
                                           @PathParam("merchantWalletId") String merchantWalletId,
                                           @PathParam("paymentMeanId") String paymentMeanId) {
        String merchant = RequestValidator.merchantId(merchantId);
        String wallet = WalletRequestValidator.merchantWalletId(merchantWalletId);
        int rank = WalletRequestValidator.paymentMeanId(paymentMeanId);
        return wallets.deletePaymentMean(merchant, wallet, rank).map(deleted -> deleted
                ? Response.noContent().build() : notFound("no such payment mean in this wallet"));
    }

    @PATCH
    @Path("/payment-means/{paymentMeanId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a payment mean (Sips updatePaymentMean)",
            description = "body {paymentMeanAlias} (null or absent clears it); 200 with the payment mean; 404 when "
                    + "unknown or deleted; 400 problem JSON naming the field")
    public Uni<Response> renamePaymentMean(@PathParam("merchantId") String merchantId,
                                           @PathParam("merchantWalletId") String merchantWalletId,
                                           @PathParam("paymentMeanId") String paymentMeanId,
                                           WalletAliasRequestBody body) {
        String merchant = RequestValidator.merchantId(merchantId);
        String wallet = WalletRequestValidator.merchantWalletId(merchantWalletId);
        int rank = WalletRequestValidator.paymentMeanId(paymentMeanId);
        String alias = WalletRequestValidator.alias(body);
        return wallets.renamePaymentMean(merchant, wallet, rank, alias).map(found -> found
                .map(mean -> Response.ok(paymentMeanJson(mean), MediaType.APPLICATION_JSON_TYPE).build())
                .orElseGet(() -> notFound("no such payment mean in this wallet")));
    }

    /** A payment mean as Sips names its fields; keys without a value are left out. */
    static Map<String, Object> paymentMeanJson(WalletPaymentMean mean) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("merchantWalletId", mean.merchantWalletId());
        json.put("paymentMeanId", String.valueOf(mean.paymentMeanId()));
        if (mean.paymentMeanAlias() != null) {
            json.put("paymentMeanAlias", mean.paymentMeanAlias());
        }
        json.put("maskedPan", mean.maskedPan());
        json.put("panExpiryDate", EXPIRY.format(mean.panExpiryDate()));
        if (mean.paymentMeanBrand() != null) {
            json.put("paymentMeanBrand", mean.paymentMeanBrand());
        }
        json.put("tokenPan", mean.tokenPan());
        return json;
    }

    private static Response notFound(String detail) {
        return Problems.of(404, "Not Found", detail, null);
    }
}
