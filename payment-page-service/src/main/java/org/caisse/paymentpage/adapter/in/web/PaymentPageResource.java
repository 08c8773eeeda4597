package org.caisse.paymentpage.adapter.in.web;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.caisse.paymentpage.application.PaymentPageService;
import org.caisse.paymentpage.application.PaymentPageService.PageState;
import org.caisse.paymentpage.application.PaymentPageService.StepResult;
import org.caisse.paymentpage.application.PaymentPageService.Ticket;
import org.caisse.paymentpage.domain.CardEntry;
import org.caisse.paymentpage.domain.MerchantSettings;
import org.caisse.paymentpage.domain.PaymentRequest;
import org.caisse.paymentpage.domain.TestCards;
import org.jboss.resteasy.reactive.RestForm;

/** The shopper's pages: card entry, card submission, cancel, ticket. */
@Path("/payment/{id}")
@Produces(MediaType.TEXT_HTML)
public class PaymentPageResource {

    private final PaymentPageService service;
    private final Clock clock;
    private final PageBrandings brandings;

    public PaymentPageResource(PaymentPageService service, Clock clock, PageBrandings brandings) {
        this.service = service;
        this.clock = clock;
        this.brandings = brandings;
    }

    @GET
    public Uni<Response> cardPage(@PathParam("id") String id, HttpHeaders headers) {
        Optional<UUID> uuid = parse(id);
        if (uuid.isEmpty()) {
            return notFound(headers);
        }
        return service.cardPage(uuid.get()).chain(state -> switch (state) {
            case PageState.NotFound n -> item(PageRenderer.notice(404, Views.NoticeKind.NOT_FOUND, acceptLocale(headers)));
            case PageState.Finished f -> item(toTicket(f.id()));
            case PageState.Open open -> cardForm(200, open.request(), open.merchant(), null);
        });
    }

    @POST
    @Path("/card")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> submitCard(@PathParam("id") String id,
                                    @RestForm("csrf") String csrf,
                                    @RestForm("cardNumber") String cardNumber,
                                    @RestForm("expiry") String expiry,
                                    @RestForm("cvv") String cvv,
                                    HttpHeaders headers) {
        Optional<UUID> uuid = parse(id);
        if (uuid.isEmpty()) {
            return notFound(headers);
        }
        return service.submitCard(uuid.get(), csrf, cardNumber, expiry, cvv).chain(result -> step(result, headers));
    }

    @POST
    @Path("/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> cancel(@PathParam("id") String id, @RestForm("csrf") String csrf, HttpHeaders headers) {
        Optional<UUID> uuid = parse(id);
        if (uuid.isEmpty()) {
            return notFound(headers);
        }
        return service.cancel(uuid.get(), csrf).chain(result -> step(result, headers));
    }

    @GET
    @Path("/ticket")
    public Uni<Response> ticket(@PathParam("id") String id, HttpHeaders headers) {
        Optional<UUID> uuid = parse(id);
        if (uuid.isEmpty()) {
            return notFound(headers);
        }
        return service.ticket(uuid.get()).chain(found -> found
                .map(this::ticketPage)
                .orElseGet(() -> item(PageRenderer.notice(404, Views.NoticeKind.NOT_FOUND, acceptLocale(headers)))));
    }

    private Uni<Response> step(StepResult result, HttpHeaders headers) {
        return switch (result) {
            case StepResult.NotFound n -> item(PageRenderer.notice(404, Views.NoticeKind.NOT_FOUND, acceptLocale(headers)));
            case StepResult.Forbidden f -> item(PageRenderer.notice(403, Views.NoticeKind.FORBIDDEN, acceptLocale(headers)));
            case StepResult.InvalidCard invalid -> cardForm(400, invalid.request(), invalid.merchant(), invalid.field());
            case StepResult.Finished finished -> item(toTicket(finished.id()));
        };
    }

    private static Uni<Response> item(Response response) {
        return Uni.createFrom().item(response);
    }

    private Uni<Response> cardForm(int status, PaymentRequest request, MerchantSettings merchant, CardEntry.Field invalid) {
        Locale locale = localeOf(request, merchant);
        YearMonth testExpiry = YearMonth.now(clock).plusYears(3);
        List<TestCards.TestCard> testCards = TestCards.shownFor(merchant);
        String scriptNonce = testCards.isEmpty() ? null : ScriptNonces.next();
        var view = new Views.CardView(locale.getLanguage(), merchant.shopName(), amount(request, locale),
                request.request().transactionReference(), request.id().toString(), request.csrfToken(),
                PageFormats.dateTime(request.expiresAt(), locale), testCards,
                String.format("%02d/%02d", testExpiry.getMonthValue(), testExpiry.getYear() % 100), TestCards.CSC,
                scriptNonce, invalid);
        return brandings.of(request, merchant, locale).map(branding -> PageRenderer.render(status, Pages.card(view),
                locale, request.request().normalReturnUrl(), scriptNonce, branding));
    }

    private Uni<Response> ticketPage(Ticket ticket) {
        PaymentRequest request = ticket.request();
        Locale locale = localeOf(request, ticket.merchant());
        Map<String, Object> snapshot = request.snapshot() == null ? Map.of() : request.snapshot();
        var view = new Views.TicketView(locale.getLanguage(), ticket.merchant().shopName(), amount(request, locale),
                request.request().transactionReference(), ticket.outcome(),
                ticket.outcome() == null ? null : request.responseCode(),
                Objects.toString(snapshot.get("maskedPan"), null),
                request.request().normalReturnUrl(), ticket.response());
        return brandings.of(request, ticket.merchant(), locale).map(branding -> PageRenderer.render(200,
                Pages.ticket(view), locale, request.request().normalReturnUrl(), null, branding));
    }

    private static Response toTicket(UUID id) {
        return Response.seeOther(URI.create("/payment/" + id + "/ticket")).build();
    }

    private static String amount(PaymentRequest request, Locale locale) {
        return PageFormats.amount(request.request().amount(), request.request().currencyCode(), locale);
    }

    private static Locale localeOf(PaymentRequest request, MerchantSettings merchant) {
        return PageLocales.pick(request.request().customerLanguage().orElse(null), merchant.defaultLanguage());
    }

    private static Locale acceptLocale(HttpHeaders headers) {
        return PageLocales.pick(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static Uni<Response> notFound(HttpHeaders headers) {
        return Uni.createFrom().item(PageRenderer.notice(404, Views.NoticeKind.NOT_FOUND, acceptLocale(headers)));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
