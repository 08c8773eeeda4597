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
import org.caisse.paymentpage.application.PaymentPageService.AuthenticationState;
import org.caisse.paymentpage.application.PaymentPageService.PageState;
import org.caisse.paymentpage.application.PaymentPageService.StepResult;
import org.caisse.paymentpage.application.PaymentPageService.Ticket;
import org.caisse.paymentpage.domain.AcsOutcome;
import org.caisse.paymentpage.domain.BrandChoice;
import org.caisse.paymentpage.domain.CardEntry;
import org.caisse.paymentpage.domain.MerchantSettings;
import org.caisse.paymentpage.domain.PaymentRequest;
import org.caisse.paymentpage.domain.PaymentStatus;
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
            case PageState.Open open -> cardForm(200, open.request(), open.merchant(), null, null);
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
                                    @RestForm("paymentMeanBrand") String paymentMeanBrand,
                                    HttpHeaders headers) {
        Optional<UUID> uuid = parse(id);
        if (uuid.isEmpty()) {
            return notFound(headers);
        }
        return service.submitCard(uuid.get(), csrf, cardNumber, expiry, cvv, paymentMeanBrand)
                .chain(result -> step(result, headers, paymentMeanBrand));
    }

    @GET
    @Path("/3ds")
    public Uni<Response> authenticationPage(@PathParam("id") String id, HttpHeaders headers) {
        Optional<UUID> uuid = parse(id);
        if (uuid.isEmpty()) {
            return notFound(headers);
        }
        return service.authenticationPage(uuid.get()).chain(state -> authentication(state, headers, false));
    }

    @POST
    @Path("/3ds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> continueAuthentication(@PathParam("id") String id, @RestForm("csrf") String csrf,
                                                HttpHeaders headers) {
        Optional<UUID> uuid = parse(id);
        if (uuid.isEmpty()) {
            return notFound(headers);
        }
        return service.continueAuthentication(uuid.get(), csrf).chain(result -> step(result, headers));
    }

    @GET
    @Path("/acs")
    public Uni<Response> acsPage(@PathParam("id") String id, HttpHeaders headers) {
        Optional<UUID> uuid = parse(id);
        if (uuid.isEmpty()) {
            return notFound(headers);
        }
        return service.acsPage(uuid.get()).chain(state -> authentication(state, headers, true));
    }

    @POST
    @Path("/acs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> submitAcsOutcome(@PathParam("id") String id, @RestForm("csrf") String csrf,
                                          @RestForm("outcome") String outcome, HttpHeaders headers) {
        Optional<UUID> uuid = parse(id);
        if (uuid.isEmpty()) {
            return notFound(headers);
        }
        return service.submitAcsOutcome(uuid.get(), csrf, outcome).chain(result -> step(result, headers));
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
        return step(result, headers, null);
    }

    private Uni<Response> step(StepResult result, HttpHeaders headers, String chosenBrand) {
        return switch (result) {
            case StepResult.NotFound n -> item(PageRenderer.notice(404, Views.NoticeKind.NOT_FOUND, acceptLocale(headers)));
            case StepResult.Forbidden f -> item(PageRenderer.notice(403, Views.NoticeKind.FORBIDDEN, acceptLocale(headers)));
            case StepResult.BadRequest b -> item(PageRenderer.notice(400, Views.NoticeKind.BAD_REQUEST, acceptLocale(headers)));
            case StepResult.InvalidCard invalid -> cardForm(400, invalid.request(), invalid.merchant(), invalid.field(),
                    chosenBrand);
            case StepResult.Finished finished -> item(toTicket(finished.id()));
            case StepResult.Authenticate a -> item(seeOther(a.id(), "/3ds"));
            case StepResult.ToAcs a -> item(seeOther(a.id(), "/acs"));
            case StepResult.ToCardPage c -> item(seeOther(c.id(), ""));
        };
    }

    private static Uni<Response> item(Response response) {
        return Uni.createFrom().item(response);
    }

    private Uni<Response> authentication(AuthenticationState state, HttpHeaders headers, boolean acs) {
        return switch (state) {
            case AuthenticationState.NotFound n -> item(PageRenderer.notice(404, Views.NoticeKind.NOT_FOUND, acceptLocale(headers)));
            case AuthenticationState.Elsewhere e -> step(e.result(), headers);
            case AuthenticationState.Open open -> {
                PaymentRequest request = open.request();
                Locale locale = localeOf(request, open.merchant());
                var view = new Views.AuthenticationView(locale.getLanguage(), open.merchant().shopName(),
                        amount(request, locale), request.request().transactionReference(), request.id().toString(),
                        request.csrfToken(), PageFormats.dateTime(request.expiresAt(), locale),
                        List.of(AcsOutcome.values()), request.request().field("orderId").orElse(null));
                yield brandings.of(request, open.merchant(), locale).map(branding -> PageRenderer.render(200,
                        acs ? Pages.acs(view) : Pages.authentication(view), locale, request.request().normalReturnUrl(),
                        null, branding));
            }
        };
    }

    private Uni<Response> cardForm(int status, PaymentRequest request, MerchantSettings merchant, CardEntry.Field invalid,
                              String chosenBrand) {
        Locale locale = localeOf(request, merchant);
        YearMonth testExpiry = YearMonth.now(clock).plusYears(3);
        List<TestCards.TestCard> testCards = TestCards.shownFor(merchant);
        List<String> brands = BrandChoice.offered(request.request().field("paymentMeanBrandList"));
        // every card page runs its own brand/Luhn hint script (cardhint.js), and the test card script in TEST mode
        String scriptNonce = ScriptNonces.next();
        var view = new Views.CardView(locale.getLanguage(), merchant.shopName(), amount(request, locale),
                request.request().transactionReference(), request.id().toString(), request.csrfToken(),
                PageFormats.dateTime(request.expiresAt(), locale), testCards,
                String.format("%02d/%02d", testExpiry.getMonthValue(), testExpiry.getYear() % 100), TestCards.CSC,
                scriptNonce, invalid, brands, chosenBrand != null && brands.contains(chosenBrand) ? chosenBrand : null,
                request.request().field("orderId").orElse(null));
        return brandings.of(request, merchant, locale).map(branding -> PageRenderer.render(status, Pages.card(view),
                locale, request.request().normalReturnUrl(), scriptNonce, branding));
    }

    private Uni<Response> ticketPage(Ticket ticket) {
        PaymentRequest request = ticket.request();
        if (request.status() == PaymentStatus.AUTHENTICATING) {
            return item(seeOther(request.id(), "/3ds"));
        }
        Locale locale = localeOf(request, ticket.merchant());
        if (ticket.outcome() != null && ticket.response() != null && bypassesReceiptPage(request)) {
            String nonce = ScriptNonces.next();
            var view = new Views.AutoReturnView(locale.getLanguage(), request.request().normalReturnUrl(),
                    ticket.response(), nonce);
            return brandings.of(request, ticket.merchant(), locale).map(branding -> PageRenderer.render(200,
                    Pages.autoreturn(view), locale, request.request().normalReturnUrl(), nonce, branding));
        }
        Map<String, Object> snapshot = request.snapshot() == null ? Map.of() : request.snapshot();
        var view = new Views.TicketView(locale.getLanguage(), ticket.merchant().shopName(), amount(request, locale),
                request.request().transactionReference(), ticket.outcome(),
                ticket.outcome() == null ? null : request.responseCode(),
                Objects.toString(snapshot.get("maskedPan"), null),
                request.request().normalReturnUrl(), ticket.response(), request.request().field("orderId").orElse(null));
        return brandings.of(request, ticket.merchant(), locale).map(branding -> PageRenderer.render(200,
                Pages.ticket(view), locale, request.request().normalReturnUrl(), null, branding));
    }

    /** {@code paypageData.bypassReceiptPage=true}: the merchant shows its own ticket, ours only returns at once. */
    private static boolean bypassesReceiptPage(PaymentRequest request) {
        return request.request().field("paypageData.bypassReceiptPage").map("true"::equals).orElse(false);
    }

    private static Response seeOther(UUID id, String step) {
        return Response.seeOther(URI.create("/payment/" + id + step)).build();
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
