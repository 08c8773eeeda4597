package org.caisse.paymentpage.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.caisse.common.keys.KeyLookup;
import org.caisse.common.sips.PaypageResponse;
import org.caisse.common.sips.SealedPaypageResponse;
import org.caisse.paymentpage.application.port.out.Authorizer;
import org.caisse.paymentpage.application.port.out.MerchantKeys;
import org.caisse.paymentpage.application.port.out.MerchantSettingsStore;
import org.caisse.paymentpage.application.port.out.PaymentRequestStore;
import org.caisse.paymentpage.domain.AcsOutcome;
import org.caisse.paymentpage.domain.BrandChoice;
import org.caisse.paymentpage.domain.CardEntry;
import org.caisse.paymentpage.domain.MerchantSettings;
import org.caisse.paymentpage.domain.PaymentRequest;
import org.caisse.paymentpage.domain.PaymentStatus;
import org.caisse.paymentpage.domain.PendingAuthentication;
import org.caisse.paymentpage.domain.ResponseSnapshots;
import org.caisse.paymentpage.domain.TicketOutcome;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The shopper's steps after the merchant's POST: show the card page, submit the card (authorize once),
 * cancel, and show the ticket with the sealed response for the return to the shop.
 */
@ApplicationScoped
public class PaymentPageService {

    private static final Logger LOG = Logger.getLogger(PaymentPageService.class);

    /** What the card page shows. */
    public sealed interface PageState {
        record NotFound() implements PageState {
        }

        record Open(PaymentRequest request, MerchantSettings merchant) implements PageState {
        }

        record Finished(UUID id) implements PageState {
        }
    }

    /** The result of a shopper's POST on the card page (card or cancel). */
    public sealed interface StepResult {
        record NotFound() implements StepResult {
        }

        /** The CSRF token did not match: nothing was done. */
        record Forbidden() implements StepResult {
        }

        record InvalidCard(PaymentRequest request, MerchantSettings merchant, CardEntry.Field field) implements StepResult {
        }

        /** The request is finished (now or before): show its ticket. */
        record Finished(UUID id) implements StepResult {
        }

        /** authorization-service asks for a 3-D Secure challenge: show the 3-D Secure step. */
        record Authenticate(UUID id) implements StepResult {
        }

        /** The shopper goes on to the (simulated) ACS. */
        record ToAcs(UUID id) implements StepResult {
        }

        /** The request is still waiting for its card: show the card page. */
        record ToCardPage(UUID id) implements StepResult {
        }

        /** The form was not one the page offers (e.g. an unknown ACS outcome): nothing was done. */
        record BadRequest() implements StepResult {
        }
    }

    /** What the 3-D Secure step and the simulated ACS page show. */
    public sealed interface AuthenticationState {
        record NotFound() implements AuthenticationState {
        }

        /** The request is not waiting for an authentication: {@code result} says where the shopper goes. */
        record Elsewhere(StepResult result) implements AuthenticationState {
        }

        record Open(PaymentRequest request, MerchantSettings merchant) implements AuthenticationState {
        }
    }

    /**
     * What the ticket shows. {@code outcome} is null while the authorization is still under way;
     * {@code response} is null when it cannot be sealed (key unavailable).
     */
    public record Ticket(PaymentRequest request, MerchantSettings merchant, TicketOutcome outcome,
                         SealedPaypageResponse response) {
    }

    private final PaymentRequestStore store;
    private final MerchantSettingsStore merchants;
    private final MerchantKeys keys;
    private final Authorizer authorizer;
    private final Clock clock;
    private final Duration authorizationTimeout;
    private final CardAttemptLimiter attempts;

    public PaymentPageService(PaymentRequestStore store, MerchantSettingsStore merchants, MerchantKeys keys,
                              Authorizer authorizer, Clock clock,
                              @ConfigProperty(name = "caisse.authorization.timeout", defaultValue = "30S")
                              Duration authorizationTimeout, CardAttemptLimiter attempts) {
        this.attempts = attempts;
        this.store = store;
        this.merchants = merchants;
        this.keys = keys;
        this.authorizer = authorizer;
        this.clock = clock;
        this.authorizationTimeout = authorizationTimeout;
    }

    public Uni<PageState> cardPage(UUID id) {
        return store.find(id).onItem().transformToUni(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(new PageState.NotFound());
            }
            PaymentRequest request = found.get();
            if (request.status() != PaymentStatus.PENDING) {
                return Uni.createFrom().item(new PageState.Finished(id));
            }
            if (request.isExpiredAt(clock.instant())) {
                return finishWith(request, "97").map(x -> new PageState.Finished(id));
            }
            return merchantOf(request).map(m -> new PageState.Open(request, m));
        });
    }

    public Uni<StepResult> submitCard(UUID id, String csrfToken, String number, String expiry, String csc) {
        return submitCard(id, csrfToken, number, expiry, csc, null);
    }

    /** @param chosenBrand the brand the shopper picked when the request offers a choice (may be null) */
    public Uni<StepResult> submitCard(UUID id, String csrfToken, String number, String expiry, String csc,
                                      String chosenBrand) {
        return store.find(id).onItem().transformToUni(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(new StepResult.NotFound());
            }
            PaymentRequest request = found.get();
            if (!tokenMatches(request.csrfToken(), csrfToken)) {
                LOG.warnf("Card submission with a wrong CSRF token on payment request %s", id);
                return Uni.createFrom().item(new StepResult.Forbidden());
            }
            if (request.status() != PaymentStatus.PENDING) {
                return Uni.createFrom().item(new StepResult.Finished(id));
            }
            if (request.isExpiredAt(clock.instant())) {
                return finishWith(request, "97").map(x -> new StepResult.Finished(id));
            }
            return merchantOf(request).onItem().transformToUni(merchant -> {
                CardEntry card;
                String brand;
                try {
                    card = CardEntry.parse(number, expiry, csc, YearMonth.now(clock), merchant.testMode());
                    brand = BrandChoice.resolve(BrandChoice.offered(request.request().field("paymentMeanBrandList")),
                            chosenBrand, card.number());
                } catch (CardEntry.Invalid invalid) {
                    return attempts.rejectedEntryAllowed(id).onItem().transformToUni(allowed -> allowed
                            ? Uni.createFrom().item(new StepResult.InvalidCard(request, merchant, invalid.field()))
                            : finishWith(request, CardAttemptLimiter.ATTEMPTS_EXCEEDED).map(x -> new StepResult.Finished(id)));
                }
                return attempts.submissionAllowed(id, card.number()).onItem().transformToUni(allowed -> allowed
                        ? authorizeOnce(request, card, brand)
                        : finishWith(request, CardAttemptLimiter.ATTEMPTS_EXCEEDED).map(x -> new StepResult.Finished(id)));
            });
        });
    }

    public Uni<StepResult> cancel(UUID id, String csrfToken) {
        return store.find(id).onItem().transformToUni(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(new StepResult.NotFound());
            }
            PaymentRequest request = found.get();
            if (!tokenMatches(request.csrfToken(), csrfToken)) {
                LOG.warnf("Cancel with a wrong CSRF token on payment request %s", id);
                return Uni.createFrom().item(new StepResult.Forbidden());
            }
            // at the 3-D Secure step no transaction exists yet (the pending authentication lapses by itself), so
            // the shopper may still cancel; the conditional completion loses to an ACS result already under way
            if (request.status() != PaymentStatus.PENDING && request.status() != PaymentStatus.AUTHENTICATING) {
                return Uni.createFrom().item(new StepResult.Finished(id));
            }
            String code = request.isExpiredAt(clock.instant()) ? "97" : "17";
            return finishWith(request, code).map(x -> new StepResult.Finished(id));
        });
    }

    public Uni<Optional<Ticket>> ticket(UUID id) {
        return store.find(id).onItem().transformToUni(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<Ticket>empty());
            }
            PaymentRequest request = found.get();
            if (request.isExpiredAt(clock.instant())) {
                return finishWith(request, "97").onItem().transformToUni(x -> ticket(id));
            }
            if (request.status() == PaymentStatus.AUTHENTICATING) {
                return processingTicket(request);
            }
            if (request.isAuthorizingLongerThan(authorizationTimeout, clock.instant())) {
                LOG.warnf("Payment request %s has been authorizing longer than %s; asking for the transaction",
                        request.id(), authorizationTimeout);
                return reconciled(request).onItem().transformToUni(snapshot -> snapshot.isEmpty()
                        ? processingTicket(request)
                        : store.complete(id, PaymentStatus.AUTHORIZING, snapshot.get()).onItem().transformToUni(x -> ticket(id)));
            }
            if (request.status() != PaymentStatus.COMPLETED || request.snapshot() == null) {
                return processingTicket(request);
            }
            return merchantOf(request).onItem().transformToUni(merchant -> sealResponse(request)
                    .map(response -> Optional.of(new Ticket(request, merchant,
                            TicketOutcome.of(request.responseCode(), request.snapshot().get("holderAuthentStatus")),
                            response))));
        });
    }

    private Uni<Optional<Ticket>> processingTicket(PaymentRequest request) {
        return merchantOf(request).map(m -> Optional.of(new Ticket(request, m, null, null)));
    }

    private Uni<StepResult> authorizeOnce(PaymentRequest request, CardEntry card, String brand) {
        UUID id = request.id();
        return store.transition(id, PaymentStatus.PENDING, PaymentStatus.AUTHORIZING)
                .onItem().transformToUni(started -> {
                    if (!started) {
                        return Uni.createFrom().item(new StepResult.Finished(id));
                    }
                    // the recovery covers the call only, never the storage of its answer
                    return authorizer.authorize(request, card, brand)
                            .map(answer -> (Supplier<Uni<StepResult>>) () -> afterAnswer(request, answer))
                            .onFailure().recoverWithItem(e -> () -> afterFailedAuthorization(request, e)
                                    .onItem().transformToUni(snapshot -> completeWith(request, snapshot)))
                            .onItem().transformToUni(Supplier::get);
                });
    }

    private Uni<StepResult> afterAnswer(PaymentRequest request, Map<String, Object> answer) {
        Optional<PendingAuthentication> challenge = challengeOf(answer);
        if (challenge.isPresent()) {
            return store.awaitAuthentication(request.id(), challenge.get())
                    .map(x -> new StepResult.Authenticate(request.id()));
        }
        return completeWith(request, Optional.of(challengeWithoutId(answer, request)));
    }

    /** Completes an AUTHORIZING request with {@code snapshot}; empty leaves it AUTHORIZING ("processing"). */
    private Uni<StepResult> completeWith(PaymentRequest request, Optional<Map<String, Object>> snapshot) {
        if (snapshot.isEmpty()) {
            return Uni.createFrom().item(new StepResult.Finished(request.id()));
        }
        return store.complete(request.id(), PaymentStatus.AUTHORIZING, withKeyVersion(snapshot.get(), request))
                .map(x -> new StepResult.Finished(request.id()));
    }

    /** The pending authentication of a {@code 60} answer. */
    private static Optional<PendingAuthentication> challengeOf(Map<String, Object> answer) {
        if (!"60".equals(String.valueOf(answer.get("responseCode")))
                || !(answer.get("threeDSecure") instanceof Map<?, ?> threeDs)
                || !(threeDs.get("authenticationId") instanceof String authenticationId)
                || !(threeDs.get("expiresAt") instanceof String expiresAt)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PendingAuthentication(authenticationId, java.time.Instant.parse(expiresAt)));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A {@code 60} without a usable authentication cannot be completed by anyone and created no transaction: the
     * shopper is told the service is unavailable (90). Any other answer is the transaction snapshot.
     */
    private Map<String, Object> challengeWithoutId(Map<String, Object> answer, PaymentRequest request) {
        if ("60".equals(String.valueOf(answer.get("responseCode")))) {
            LOG.warnf("authorization-service asked a challenge without a usable authentication for payment request %s",
                    request.id());
            return ResponseSnapshots.fromRequest(request.request(), "90", OffsetDateTime.now(clock));
        }
        return answer;
    }

    // ---------------------------------------------------------------- 3-D Secure

    /** The 3-D Secure information page ({@code GET /payment/{id}/3ds}). */
    public Uni<AuthenticationState> authenticationPage(UUID id) {
        return waitingForAuthentication(id, false);
    }

    /** The simulated ACS page ({@code GET /payment/{id}/acs}): TEST merchants only. */
    public Uni<AuthenticationState> acsPage(UUID id) {
        return waitingForAuthentication(id, true);
    }

    private Uni<AuthenticationState> waitingForAuthentication(UUID id, boolean simulatedAcs) {
        return store.find(id).onItem().transformToUni(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(new AuthenticationState.NotFound());
            }
            PaymentRequest request = found.get();
            if (request.isExpiredAt(clock.instant())) {
                return finishWith(request, "97").map(x -> new AuthenticationState.Elsewhere(new StepResult.Finished(id)));
            }
            if (request.status() != PaymentStatus.AUTHENTICATING) {
                return Uni.createFrom().item(new AuthenticationState.Elsewhere(elsewhere(request)));
            }
            return merchantOf(request).map(merchant -> simulatedAcs && !merchant.testMode()
                    ? new AuthenticationState.NotFound()
                    : new AuthenticationState.Open(request, merchant));
        });
    }

    /**
     * The Continue button of the 3-D Secure step ({@code POST /payment/{id}/3ds}): a TEST merchant's shopper goes to
     * the simulated ACS. A PRODUCTION merchant has no directory server to send the shopper to yet: the
     * authentication ends {@code ERROR} at once and authorization-service applies its policy (acquirer with
     * guarantee {@code U}, or 63 when 3-D Secure is mandatory) — the shopper never picks an outcome in production.
     */
    public Uni<StepResult> continueAuthentication(UUID id, String csrfToken) {
        return authenticationStep(id, csrfToken, (request, merchant) -> merchant.testMode()
                ? Uni.createFrom().item(new StepResult.ToAcs(id))
                : completeAuthentication(request, AcsOutcome.ERROR));
    }

    /** The shopper's answer at the simulated ACS ({@code POST /payment/{id}/acs}): TEST merchants only. */
    public Uni<StepResult> submitAcsOutcome(UUID id, String csrfToken, String outcome) {
        return authenticationStep(id, csrfToken, (request, merchant) -> {
            if (!merchant.testMode()) {
                return Uni.createFrom().item(new StepResult.NotFound());
            }
            return AcsOutcome.parse(outcome)
                    .map(o -> completeAuthentication(request, o))
                    .orElseGet(() -> Uni.createFrom().item(new StepResult.BadRequest()));
        });
    }

    private Uni<StepResult> authenticationStep(UUID id, String csrfToken,
                                               java.util.function.BiFunction<PaymentRequest, MerchantSettings,
                                                       Uni<StepResult>> step) {
        return store.find(id).onItem().transformToUni(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(new StepResult.NotFound());
            }
            PaymentRequest request = found.get();
            if (!tokenMatches(request.csrfToken(), csrfToken)) {
                LOG.warnf("3-D Secure step with a wrong CSRF token on payment request %s", id);
                return Uni.createFrom().item(new StepResult.Forbidden());
            }
            if (request.isExpiredAt(clock.instant())) {
                return finishWith(request, "97").map(x -> new StepResult.Finished(id));
            }
            if (request.status() != PaymentStatus.AUTHENTICATING) {
                return Uni.createFrom().item(elsewhere(request));
            }
            return merchantOf(request).onItem().transformToUni(merchant -> step.apply(request, merchant));
        });
    }

    /**
     * Sends the ACS result once: the request leaves AUTHENTICATING by a conditional UPDATE before the call, so a
     * second POST (double click, second tab) finds it gone and only shows the ticket.
     */
    private Uni<StepResult> completeAuthentication(PaymentRequest request, AcsOutcome outcome) {
        UUID id = request.id();
        return store.transition(id, PaymentStatus.AUTHENTICATING, PaymentStatus.AUTHORIZING)
                .onItem().transformToUni(started -> {
                    if (!started) {
                        return Uni.createFrom().item(new StepResult.Finished(id));
                    }
                    return authorizer.completeAuthentication(request.merchantId(), request.authentication().id(), outcome)
                            .map(answer -> (Supplier<Uni<StepResult>>) () -> completeWith(request,
                                    Optional.of(expiredAuthentication(answer) ? ResponseSnapshots.fromRequest(
                                            request.request(), "97", OffsetDateTime.now(clock)) : answer)))
                            .onFailure().recoverWithItem(e -> () -> afterFailedAuthentication(request, e))
                            .onItem().transformToUni(Supplier::get);
                });
    }

    /**
     * After a failed ACS result call: not sent → the request waits for the shopper again (the authentication is
     * untouched, the shopper may retry); already used or unknown (404) → what authorization-service holds for the
     * reference; refused content → 12; unknown outcome → the transaction lookup, as for an authorization.
     */
    private Uni<StepResult> afterFailedAuthentication(PaymentRequest request, Throwable e) {
        if (e instanceof Authorizer.NotSent) {
            LOG.warnf("authorization-service unreachable for the authentication of payment request %s; the shopper may retry",
                    request.id());
            return store.awaitAuthentication(request.id(), request.authentication())
                    .map(x -> new StepResult.Authenticate(request.id()));
        }
        if (e instanceof Authorizer.UnknownAuthentication) {
            LOG.warnf("authorization-service has no pending authentication for payment request %s; asking for the "
                    + "transaction", request.id());
            return reconciled(request).onItem().transformToUni(snapshot -> completeWith(request, snapshot));
        }
        return afterFailedAuthorization(request, e).onItem().transformToUni(snapshot -> completeWith(request, snapshot));
    }

    /**
     * authorization-service answers 97 without a transaction when the authentication expired: the response is then
     * built from the request, as for the page's own session expiry, so it echoes every field the merchant sent.
     */
    private static boolean expiredAuthentication(Map<String, Object> answer) {
        return "97".equals(String.valueOf(answer.get("responseCode")));
    }

    /** Where a request that is not waiting for an authentication sends the shopper. */
    private static StepResult elsewhere(PaymentRequest request) {
        return switch (request.status()) {
            case PENDING -> new StepResult.ToCardPage(request.id());
            case AUTHENTICATING -> new StepResult.Authenticate(request.id());
            default -> new StepResult.Finished(request.id());
        };
    }

    /**
     * The snapshot to complete the request with after a failed authorization call, or empty when the outcome
     * is still unknown (the request stays AUTHORIZING and its ticket says "processing").
     */
    private Uni<Optional<Map<String, Object>>> afterFailedAuthorization(PaymentRequest request, Throwable e) {
        if (e instanceof Authorizer.Refused refused) {
            LOG.warnf("authorization-service refused payment request %s (HTTP %d, field %s)", request.id(),
                    refused.status(), refused.field());
            return Uni.createFrom().item(Optional.of(
                    ResponseSnapshots.fromRequest(request.request(), "12", OffsetDateTime.now(clock))));
        }
        if (e instanceof Authorizer.NotSent) {
            LOG.warnf("authorization-service unreachable for payment request %s", request.id());
            return Uni.createFrom().item(Optional.of(
                    ResponseSnapshots.fromRequest(request.request(), "90", OffsetDateTime.now(clock))));
        }
        LOG.warnf("Authorization of payment request %s has an unknown outcome (%s); asking for the transaction",
                request.id(), e.getClass().getSimpleName());
        return reconciled(request);
    }

    /**
     * What authorization-service holds for the request's transaction: its snapshot when it exists, a 90
     * snapshot when it is known not to exist, empty when the lookup fails too.
     */
    private Uni<Optional<Map<String, Object>>> reconciled(PaymentRequest request) {
        return authorizer.findTransaction(request.merchantId(), request.request().transactionReference())
                .map(found -> Optional.of(found
                        .map(snapshot -> withKeyVersion(snapshot, request))
                        .orElseGet(() -> ResponseSnapshots.fromRequest(request.request(), "90", OffsetDateTime.now(clock)))))
                .onFailure().recoverWithItem(lookupFailure -> {
                    LOG.warnf("Transaction of payment request %s cannot be looked up yet (%s); it stays processing",
                            request.id(), lookupFailure.getClass().getSimpleName());
                    return Optional.empty();
                });
    }

    /** Ends a request waiting for the shopper (PENDING or AUTHENTICATING) with a response built from the request. */
    private Uni<Boolean> finishWith(PaymentRequest request, String responseCode) {
        Map<String, Object> snapshot = ResponseSnapshots.fromRequest(request.request(), responseCode, OffsetDateTime.now(clock));
        return store.complete(request.id(), request.status(), snapshot);
    }

    private Uni<SealedPaypageResponse> sealResponse(PaymentRequest request) {
        return keys.find(request.merchantId(), request.request().keyVersion())
                .map(lookup -> {
                    if (!(lookup instanceof KeyLookup.Found found)) {
                        LOG.warnf("No usable key to seal the response of payment request %s", request.id());
                        return (SealedPaypageResponse) null;
                    }
                    return PaypageResponse.seal(PaypageResponse.dataFromSnapshot(request.snapshot()),
                            request.sealAlgorithm(), found.key().secretKey(), request.request().base64Response(),
                            request.interfaceVersion());
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Key service unavailable to seal the response of payment request %s", request.id());
                    return null;
                });
    }

    private Uni<MerchantSettings> merchantOf(PaymentRequest request) {
        return merchants.find(request.merchantId()).map(found -> found.orElseGet(() -> new MerchantSettings(
                request.merchantId(), request.merchantId(), "PRODUCTION", java.util.List.of(), false,
                java.util.List.of(), java.util.List.of(), "fr")));
    }

    private static Map<String, Object> withKeyVersion(Map<String, Object> snapshot, PaymentRequest request) {
        Map<String, Object> copy = new LinkedHashMap<>(snapshot);
        if (!(copy.get("notification") instanceof Map<?, ?>)) {
            copy.putIfAbsent("keyVersion", request.request().keyVersion());
        }
        return copy;
    }

    private static boolean tokenMatches(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
