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
import java.util.Locale;
import org.caisse.paymentpage.application.PaymentInitService;
import org.caisse.paymentpage.application.PaypagePost;
import org.caisse.paymentpage.domain.PaymentRequestRejected;
import org.jboss.resteasy.reactive.RestForm;

/** Paypage POST (SIPS.md §2): the merchant's sealed form, submitted by the shopper's browser. */
@Path("/paymentInit")
public class PaymentInitResource {

    private final PaymentInitService service;

    public PaymentInitResource(PaymentInitService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> paymentInit(@RestForm("Data") String data,
                                     @RestForm("Seal") String seal,
                                     @RestForm("InterfaceVersion") String interfaceVersion,
                                     @RestForm("Encode") String encode,
                                     @RestForm("SealAlgorithm") String sealAlgorithm,
                                     @HeaderParam("Accept-Language") String acceptLanguage) {
        return service.init(new PaypagePost(data, seal, interfaceVersion, encode, sealAlgorithm))
                .map(created -> Response.seeOther(URI.create("/payment/" + created.id())).build())
                .onFailure(PaymentRequestRejected.class)
                .recoverWithItem(e -> rejected((PaymentRequestRejected) e, PageLocales.pick(acceptLanguage)));
    }

    static Response rejected(PaymentRequestRejected rejection, Locale locale) {
        int status = rejection.responseCode().code().equals("90") ? 503 : 400;
        return PageRenderer.render(status, Pages.error(new Views.ErrorView(locale.getLanguage(),
                rejection.responseCode().code(), rejection.responseCode().meaning(), rejection.errorFieldName())),
                locale, null);
    }
}
