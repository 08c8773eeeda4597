package org.caisse.paymentpage.adapter.in.web;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.caisse.paymentpage.application.JsonPaymentInitService;
import org.caisse.paymentpage.domain.PaymentRequestRejected;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The hosted page after a Paypage JSON init (SIPS.md §1, §3): the shopper's browser posts
 * {@code redirectionVersion} and {@code redirectionData}, and lands on the card page of the stored request.
 */
@Path(JsonPaymentInitService.REDIRECTION_PATH)
public class PaymentRedirectionResource {

    private final JsonPaymentInitService service;

    public PaymentRedirectionResource(JsonPaymentInitService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> redirection(@RestForm("redirectionVersion") String version,
                                     @RestForm("redirectionData") String data,
                                     @HeaderParam("Accept-Language") String acceptLanguage) {
        return service.redirection(version, data).map(found -> found
                .map(id -> Response.seeOther(URI.create("/payment/" + id)).build())
                .orElseGet(() -> PaymentInitResource.rejected(PaymentRequestRejected.formatError("redirectionData"),
                        PageLocales.pick(acceptLanguage))));
    }
}
