package org.caisse.notification.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.regex.Pattern;
import org.caisse.notification.application.port.in.ListDeliveries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Support's view of a merchant's deliveries (service JWT). Manual replay comes later. */
@Path("/internal/v1/merchants/{merchantId}/deliveries")
@Tag(name = "deliveries")
@RolesAllowed("service")
public class DeliveryResource {

    private static final Pattern MERCHANT_ID = Pattern.compile("[0-9]{1,32}");
    private static final Pattern TRANSACTION_REFERENCE = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private final ListDeliveries deliveries;

    public DeliveryResource(ListDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A merchant's deliveries, newest first (at most 200), optionally for one transaction:"
            + " status, attempts, last error, next attempt; never the payload")
    public Uni<DeliveryListView> list(@PathParam("merchantId") String merchantId,
            @QueryParam("transactionReference") String transactionReference) {
        if (merchantId == null || !MERCHANT_ID.matcher(merchantId).matches()) {
            throw new InvalidRequestException("merchantId", "merchantId must be 1 to 32 digits");
        }
        Optional<String> reference = Optional.ofNullable(transactionReference);
        if (reference.isPresent() && !TRANSACTION_REFERENCE.matcher(reference.get()).matches()) {
            throw new InvalidRequestException("transactionReference",
                    "transactionReference must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return deliveries.list(merchantId, reference)
                .map(list -> new DeliveryListView(merchantId, transactionReference,
                        list.stream().map(DeliveryView::of).toList()));
    }
}
