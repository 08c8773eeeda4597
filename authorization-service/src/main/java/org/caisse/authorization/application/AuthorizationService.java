package org.caisse.authorization.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caisse.authorization.application.port.out.AcquirerAuthorizationAnswer;
import org.caisse.authorization.application.port.out.AcquirerAuthorizationPort;
import org.caisse.authorization.application.port.out.AcquirerAuthorizationRequest;
import org.caisse.authorization.application.port.out.CardVault;
import org.caisse.authorization.application.port.out.DirectoryServerPort;
import org.caisse.authorization.application.port.out.MerchantRulesStore;
import org.caisse.authorization.application.port.out.PendingAuthentications;
import org.caisse.authorization.domain.risk.CardCountries;
import org.caisse.authorization.domain.risk.FraudDecision;
import org.caisse.authorization.domain.risk.FraudEvaluation;
import org.caisse.authorization.domain.risk.MerchantRules;
import org.caisse.authorization.domain.risk.PaymentRiskFacts;
import org.caisse.authorization.domain.threeds.AuthenticationOutcome;
import org.caisse.authorization.domain.threeds.HolderAuthentication;
import org.caisse.authorization.domain.threeds.ThreeDSecurePolicy;
import org.caisse.authorization.domain.threeds.ThreeDSecureStep;
import org.caisse.authorization.application.port.out.NewTransaction;
import org.caisse.authorization.application.port.out.TransactionStore;
import org.caisse.authorization.application.port.out.VaultEntry;
import org.caisse.authorization.domain.AuthorizationResult;
import org.caisse.authorization.domain.AuthorizationTerms;
import org.caisse.authorization.domain.CardReference;
import org.caisse.authorization.domain.MaskedCard;
import org.caisse.authorization.domain.OperationName;
import org.caisse.authorization.domain.ResponseCodes;
import org.caisse.authorization.domain.Transaction;
import org.caisse.authorization.domain.TransitionOutcome;
import org.caisse.common.card.CardBrand;
import org.caisse.common.card.CardBrands;
import org.caisse.common.money.Money;
import org.caisse.common.sips.ResponseCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Authorizes a card payment: refuses a reused transactionReference (94), resolves the card (clear, token, wallet or
 * an earlier transaction's), vaults it, asks the acquirer (within {@code caisse.acquirer.timeout}; no answer → 90),
 * and stores the transaction, its first operation, its event and its vaulted card in one statement. Also the
 * deferred authorizations of the remittance and the credits to a card.
 */
@ApplicationScoped
public class AuthorizationService implements DeferredAuthorizations {

    private static final Logger LOG = Logger.getLogger(AuthorizationService.class);

    private final TransactionStore store;
    private final AcquirerAuthorizationPort acquirer;
    private final CardResolver cards;
    private final CardVault vault;
    private final EngineSettings settings;
    private final RemittanceSettings remittance;
    private final Duration acquirerTimeout;
    private final Clock clock;
    private final MerchantRulesStore rules;
    private final CardCountries countries;
    private final DirectoryServerPort directoryServer;
    private final PendingAuthentications pending;
    private final Duration authenticationTimeout;

    public AuthorizationService(TransactionStore store, AcquirerAuthorizationPort acquirer, CardResolver cards,
                                CardVault vault, EngineSettings settings, RemittanceSettings remittance,
                                AcquirerSettings acquirerSettings,
                                Clock clock, MerchantRulesStore rules, CardCountries countries,
                                DirectoryServerPort directoryServer, PendingAuthentications pending,
                                @ConfigProperty(name = "caisse.three-d-secure.authentication-timeout",
                                        defaultValue = "15m") Duration authenticationTimeout) {
        this.rules = rules;
        this.countries = countries;
        this.directoryServer = directoryServer;
        this.pending = pending;
        this.authenticationTimeout = authenticationTimeout;
        this.store = store;
        this.acquirer = acquirer;
        this.cards = cards;
        this.vault = vault;
        this.settings = settings;
        this.remittance = remittance;
        this.acquirerTimeout = acquirerSettings.timeout();
        this.clock = clock;
    }

    /** @return the transaction snapshot, whatever the business outcome ({@code responseCode} tells it) */
    public Uni<Map<String, Object>> authorize(AuthorizeCommand command) {
        return store.referenceExists(command.merchantId(), command.transactionReference())
                .flatMap(exists -> exists
                        ? Uni.createFrom().item(answerWithoutTransaction(command, ResponseCodes.DUPLICATE_REFERENCE))
                        : rules.find(command.merchantId())
                                .flatMap(merchantRules -> cards.resolve(command.merchantId(), command.card(),
                                                mayUseSource(merchantRules, command))
                                        .flatMap(card -> screen(command, card, merchantRules)))
                                .onFailure(CardUnusableException.class).recoverWithItem(failure -> {
                                    LOG.infof("authorization %s:%s refused: %s", command.merchantId(),
                                            command.transactionReference(), failure.getMessage());
                                    return answerWithoutTransaction(command,
                                            ((CardUnusableException) failure).responseCode());
                                }));
    }

    private static boolean mayUseSource(MerchantRules merchantRules, AuthorizeCommand command) {
        return !(command.card() instanceof CardSource.FromTransaction from)
                || merchantRules.mayDuplicateFrom(command.merchantId(), from.merchantId());
    }

    /**
     * The fraud rules (before anything reaches the acquirer), then 3-D Secure when the caller can challenge or the
     * rules make it mandatory, then the acquirer.
     */
    private Uni<Map<String, Object>> screen(AuthorizeCommand command, ResolvedCard card, MerchantRules merchantRules) {
        Money amount = new Money(command.amount(), command.currency());
        String brand = chooseBrand(card.pan(), command.paymentMeanBrand() != null
                ? command.paymentMeanBrand() : card.brandHint());
        VaultEntry vaulted = vault.protect(command.merchantId(), card.pan(), card.expiry());
        Transaction requested = requested(command, amount, vaulted, brand, card);
        return attempts(command.merchantId(), vaulted.fingerprint(), merchantRules).flatMap(attempts -> {
            PaymentRiskFacts facts = new PaymentRiskFacts(amount, PaymentRiskFacts.binOf(card.pan()),
                    countries.countryOf(card.pan()), attempts, command.threeDSecureCapable());
            FraudDecision decision = FraudEvaluation.evaluate(merchantRules.fraud(), facts);
            if (decision instanceof FraudDecision.Refuse refuse) {
                LOG.infof("authorization %s refused by the fraud rule %s", requested.key(), refuse.rule());
                return storeFirst(requested.refuseBeforeAcquirer(refuse.responseCode(), refuse.rule().name(), now()),
                        vaulted, command);
            }
            boolean mandatory = ((FraudDecision.Pass) decision).threeDSecureMandatory();
            if (!command.threeDSecureCapable()) {
                return authorizeWithAcquirer(command, card, requested, vaulted, brand);
            }
            return directoryServer.checkEnrollment(command.merchantId(), card.pan(), amount).flatMap(enrollment ->
                    switch (ThreeDSecurePolicy.afterEnrollment(enrollment, mandatory)) {
                        case ThreeDSecureStep.Challenge challenge -> challenge(command, vaulted, mandatory);
                        case ThreeDSecureStep.Proceed proceed -> authorizeWithAcquirer(command, card,
                                authenticated(requested, proceed.authentication()), vaulted, brand);
                        case ThreeDSecureStep.Refuse refuse -> storeFirst(authenticated(requested,
                                refuse.authentication()).refuseBeforeAcquirer(refuse.responseCode(), null, now()),
                                vaulted, command);
                    });
        });
    }

    private Uni<Integer> attempts(String merchantId, String fingerprint, MerchantRules merchantRules) {
        return merchantRules.fraud().cardVelocity()
                .map(velocity -> store.countCardAttempts(merchantId, fingerprint,
                        clock.instant().minus(velocity.window())))
                .orElseGet(() -> Uni.createFrom().item(0));
    }

    private static Transaction authenticated(Transaction requested, HolderAuthentication authentication) {
        return requested.toBuilder().holderAuthentStatus(authentication.status().wire())
                .guaranteeIndicator(authentication.guarantee().wire()).build();
    }

    /**
     * The cardholder must authenticate: the card is vaulted, the request kept without it (the CSC is not kept) and
     * the caller gets {@code responseCode 60} (pending) with the authentication to complete.
     */
    private Uni<Map<String, Object>> challenge(AuthorizeCommand command, VaultEntry vaulted, boolean mandatory) {
        UUID id = UUID.randomUUID();
        java.time.Instant expiresAt = clock.instant().plus(authenticationTimeout);
        return vault.save(vaulted)
                .flatMap(ignored -> pending.save(id, command, vaulted.cardId(), mandatory, expiresAt))
                .map(ignored -> {
                    LOG.infof("authorization %s:%s waits for a 3-D Secure challenge", command.merchantId(),
                            command.transactionReference());
                    Map<String, Object> answer = answerWithoutTransaction(command, ResponseCodes.code("60"));
                    Map<String, Object> threeDs = new java.util.LinkedHashMap<>();
                    threeDs.put("status", "CHALLENGE_REQUIRED");
                    threeDs.put("authenticationId", id.toString());
                    threeDs.put("expiresAt", expiresAt.toString());
                    answer.put("threeDSecure", threeDs);
                    return answer;
                });
    }

    /**
     * Applies the cardholder's authentication result (from the ACS step of the payment page) to a pending
     * authorization and finishes it. Empty when the merchant has no such pending authentication (unknown or already
     * completed); {@code 97} when it expired.
     */
    public Uni<java.util.Optional<Map<String, Object>>> completeAuthentication(UUID authenticationId, String merchantId,
                                                                              AuthenticationOutcome outcome,
                                                                              String csc) {
        return pending.take(authenticationId, merchantId).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(java.util.Optional.<Map<String, Object>>empty());
            }
            PendingAuthentications.Pending p = found.get();
            if (clock.instant().isAfter(p.expiresAt())) {
                return Uni.createFrom().item(java.util.Optional.of(
                        answerWithoutTransaction(p.requestWithoutCard(), ResponseCodes.code("97"))));
            }
            return vault.revealById(merchantId, p.cardId()).flatMap(card -> {
                if (card.isEmpty()) {
                    return Uni.createFrom().item(answerWithoutTransaction(p.requestWithoutCard(),
                            ResponseCodes.code("14")));
                }
                ResolvedCard resolved = new ResolvedCard(card.get().pan(), card.get().expiry(), csc, null);
                AuthorizeCommand command = p.requestWithoutCard()
                        .withCard(new CardSource.Clear(resolved.pan(), resolved.expiry(), csc));
                Money amount = new Money(command.amount(), command.currency());
                String brand = chooseBrand(resolved.pan(), command.paymentMeanBrand());
                VaultEntry vaulted = vault.protect(merchantId, resolved.pan(), resolved.expiry());
                Transaction requested = requested(command, amount, vaulted, brand, resolved);
                return switch (ThreeDSecurePolicy.afterAuthentication(outcome, p.mandatory())) {
                    case ThreeDSecureStep.Proceed proceed -> authorizeWithAcquirer(command, resolved,
                            authenticated(requested, proceed.authentication()), vaulted, brand);
                    case ThreeDSecureStep.Refuse refuse -> storeFirst(authenticated(requested, refuse.authentication())
                            .refuseBeforeAcquirer(refuse.responseCode(), null, now()), vaulted, command);
                    case ThreeDSecureStep.Challenge challenge ->
                            throw new IllegalStateException("an authentication result never asks for another challenge");
                };
            }).map(java.util.Optional::of);
        });
    }

    private Uni<Map<String, Object>> authorizeWithAcquirer(AuthorizeCommand command, ResolvedCard card,
                                                           Transaction requested, VaultEntry vaulted, String brand) {
        AuthorizationTerms terms = new AuthorizationTerms(remittance.authorizationValidityDays(),
                command.isDuplicate() ? OperationName.DUPLICATE : OperationName.AUTHORIZATION);
        AcquirerAuthorizationRequest request = new AcquirerAuthorizationRequest(command.merchantId(),
                requested.amount(), card.pan(), card.expiry(), card.csc(), brand);
        return askAcquirer(request, requested.key()).flatMap(answer -> {
            Transaction withBrand = answer.brand() == null || answer.brand().equals(brand) ? requested
                    : requested.toBuilder().card(new MaskedCard(requested.card().maskedPan(), answer.brand(),
                    requested.card().expiryDate(), "CARD", null)).build();
            return storeFirst(withBrand.applyAuthorizationResult(answer.toResult(), now(), terms), vaulted, command);
        });
    }

    private Transaction requested(AuthorizeCommand command, Money amount, VaultEntry vaulted, String brand,
                                  ResolvedCard card) {
        MaskedCard masked = new MaskedCard(vaulted.maskedPan(), brand, card.expiry(), "CARD", null);
        Transaction.Builder builder = Transaction.request(UUID.randomUUID(), command.merchantId(),
                        command.transactionReference(), amount, command.captureMode(), command.captureDay(),
                        command.orderChannel(), masked, command.shop(), command.notification(), now())
                .toBuilder().cardReference(new CardReference(vaulted.cardId(), vaulted.tokenPan()));
        if (command.card() instanceof CardSource.FromTransaction from) {
            builder.duplicatedFrom(from.merchantId() + ":" + from.transactionReference());
        }
        return builder.build();
    }

    private Uni<Map<String, Object>> storeFirst(TransitionOutcome outcome, VaultEntry vaulted,
                                                AuthorizeCommand command) {
        TransitionOutcome.Accepted accepted = accepted(outcome);
        Transaction authorized = accepted.transaction();
        Map<String, Object> snapshot = TransactionSnapshots.of(authorized, settings.zone());
        var event = TransactionEvents.event(TransactionEvents.authorizationType(authorized), authorized, snapshot,
                settings, clock.instant());
        return store.insertNew(new NewTransaction(authorized, accepted.operation(), List.of(event),
                        vaulted.fingerprint(), vaulted))
                .map(inserted -> {
                    if (!inserted) {
                        LOG.warnf("transaction %s was created concurrently; answering 94", authorized.key());
                        return answerWithoutTransaction(command, ResponseCodes.DUPLICATE_REFERENCE);
                    }
                    LOG.infof("authorization %s: %s responseCode=%s", authorized.key(), authorized.status(),
                            authorized.responseCode().code());
                    return snapshot;
                });
    }

    private Uni<AcquirerAuthorizationAnswer> askAcquirer(AcquirerAuthorizationRequest request, String key) {
        return acquirer.authorize(request)
                .ifNoItem().after(acquirerTimeout).recoverWithItem(() -> {
                    LOG.warnf("acquirer gave no answer within %s for %s: refused as issuer unreachable",
                            acquirerTimeout, key);
                    return AcquirerAuthorizationAnswer.unanswered(request.brand());
                });
    }

    /**
     * The remittance's authorization of a deferred payment with its vaulted card: no CSC (the cardholder is not
     * there). A card no longer in the vault is declined (14).
     */
    @Override
    public Uni<AuthorizationResult> authorize(Transaction deferredPayment) {
        CardReference ref = deferredPayment.cardReference();
        if (ref == null) {
            return Uni.createFrom().item(new AuthorizationResult(false, "14", null, null));
        }
        return vault.revealById(deferredPayment.merchantId(), ref.cardId()).flatMap(card -> card.isEmpty()
                ? Uni.createFrom().item(new AuthorizationResult(false, "14", null, null))
                : askAcquirer(new AcquirerAuthorizationRequest(deferredPayment.merchantId(),
                        deferredPayment.currentAmount(), card.get().pan(), card.get().expiry(), null,
                        deferredPayment.card() == null ? null : deferredPayment.card().brand()),
                        deferredPayment.key()).map(AcquirerAuthorizationAnswer::toResult));
    }

    /**
     * A credit to a card without an earlier payment (Sips credit holder): recorded in {@code TO_CREDIT}, sent by the
     * next remittance run.
     */
    public Uni<Map<String, Object>> creditHolder(AuthorizeCommand command) {
        return store.referenceExists(command.merchantId(), command.transactionReference())
                .flatMap(exists -> exists
                        ? Uni.createFrom().item(answerWithoutTransaction(command, ResponseCodes.DUPLICATE_REFERENCE))
                        : cards.resolve(command.merchantId(), command.card(), false).flatMap(card -> {
                            Money amount = new Money(command.amount(), command.currency());
                            VaultEntry vaulted = vault.protect(command.merchantId(), card.pan(), card.expiry());
                            String brand = chooseBrand(card.pan(), command.paymentMeanBrand());
                            MaskedCard masked = new MaskedCard(vaulted.maskedPan(), brand, card.expiry(), "CARD", null);
                            TransitionOutcome.Accepted credit = Transaction.creditHolder(UUID.randomUUID(),
                                    command.merchantId(), command.transactionReference(), amount,
                                    command.orderChannel(), masked, command.shop(), now());
                            Transaction withCard = credit.transaction().toBuilder()
                                    .cardReference(new CardReference(vaulted.cardId(), vaulted.tokenPan())).build();
                            Map<String, Object> snapshot = TransactionSnapshots.of(withCard, settings.zone());
                            var event = TransactionEvents.event(TransactionEvents.CREDIT_REQUESTED, withCard, snapshot,
                                    settings, clock.instant());
                            return store.insertNew(new NewTransaction(withCard, credit.operation(), List.of(event),
                                            vaulted.fingerprint(), vaulted))
                                    .map(inserted -> inserted ? snapshot
                                            : answerWithoutTransaction(command, ResponseCodes.DUPLICATE_REFERENCE));
                        }).onFailure(CardUnusableException.class).recoverWithItem(failure ->
                                answerWithoutTransaction(command, ((CardUnusableException) failure).responseCode())));
    }

    private static TransitionOutcome.Accepted accepted(TransitionOutcome outcome) {
        if (!(outcome instanceof TransitionOutcome.Accepted accepted)) {
            throw new IllegalStateException("a new transaction always accepts its first result");
        }
        return accepted;
    }

    /** The requested brand when the card carries it, else the first brand of the card's range. */
    static String chooseBrand(String cardNumber, String requested) {
        List<CardBrand> brands = CardBrands.fromPan(cardNumber);
        if (requested != null) {
            for (CardBrand b : brands) {
                if (b.name().equalsIgnoreCase(requested)) {
                    return b.name();
                }
            }
        }
        return brands.isEmpty() ? requested : brands.get(0).name();
    }

    /**
     * The answer when no transaction is recorded (reused reference, unusable card): the request echoed with the
     * code, nothing about any existing transaction, no card data.
     */
    private Map<String, Object> answerWithoutTransaction(AuthorizeCommand command, ResponseCode code) {
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("merchantId", command.merchantId());
        answer.put("transactionReference", command.transactionReference());
        answer.put("responseCode", code.code());
        answer.put("amount", command.amount());
        answer.put("currencyCode", command.currency().numeric());
        answer.put("captureMode", command.captureMode().name());
        answer.put("captureDay", command.captureDay());
        answer.put("orderChannel", command.orderChannel());
        answer.put("transactionDateTime", TransactionSnapshots.formatDateTime(now(), settings.zone()));
        return answer;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(settings.zone()));
    }
}
