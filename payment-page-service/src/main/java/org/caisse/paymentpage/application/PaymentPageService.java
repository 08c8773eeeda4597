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
import org.caisse.common.keys.KeyLookup;
import org.caisse.common.sips.PaypageResponse;
import org.caisse.common.sips.SealedPaypageResponse;
import org.caisse.paymentpage.application.port.out.Authorizer;
import org.caisse.paymentpage.application.port.out.MerchantKeys;
import org.caisse.paymentpage.application.port.out.MerchantSettingsStore;
import org.caisse.paymentpage.application.port.out.PaymentRequestStore;
import org.caisse.paymentpage.domain.CardEntry;
import org.caisse.paymentpage.domain.MerchantSettings;
import org.caisse.paymentpage.domain.PaymentRequest;
import org.caisse.paymentpage.domain.PaymentStatus;
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
                try {
                    card = CardEntry.parse(number, expiry, csc, YearMonth.now(clock), merchant.testMode());
                } catch (CardEntry.Invalid invalid) {
                    return attempts.rejectedEntryAllowed(id).onItem().transformToUni(allowed -> allowed
                            ? Uni.createFrom().item(new StepResult.InvalidCard(request, merchant, invalid.field()))
                            : finishWith(request, CardAttemptLimiter.ATTEMPTS_EXCEEDED).map(x -> new StepResult.Finished(id)));
                }
                return attempts.submissionAllowed(id, card.number()).onItem().transformToUni(allowed -> allowed
                        ? authorizeOnce(request, card).map(x -> new StepResult.Finished(id))
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
            if (request.status() != PaymentStatus.PENDING) {
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
                            TicketOutcome.fromResponseCode(request.responseCode()), response))));
        });
    }

    private Uni<Optional<Ticket>> processingTicket(PaymentRequest request) {
        return merchantOf(request).map(m -> Optional.of(new Ticket(request, m, null, null)));
    }

    private Uni<Boolean> authorizeOnce(PaymentRequest request, CardEntry card) {
        return store.transition(request.id(), PaymentStatus.PENDING, PaymentStatus.AUTHORIZING)
                .onItem().transformToUni(started -> {
                    if (!started) {
                        return Uni.createFrom().item(false);
                    }
                    return authorizer.authorize(request, card)
                            .map(snapshot -> withKeyVersion(snapshot, request))
                            .map(Optional::of)
                            .onFailure().recoverWithUni(e -> afterFailedAuthorization(request, e))
                            .onItem().transformToUni(snapshot -> snapshot.isEmpty()
                                    ? Uni.createFrom().item(false)
                                    : store.complete(request.id(), PaymentStatus.AUTHORIZING, snapshot.get()));
                });
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

    private Uni<Boolean> finishWith(PaymentRequest request, String responseCode) {
        Map<String, Object> snapshot = ResponseSnapshots.fromRequest(request.request(), responseCode, OffsetDateTime.now(clock));
        return store.complete(request.id(), PaymentStatus.PENDING, snapshot);
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
