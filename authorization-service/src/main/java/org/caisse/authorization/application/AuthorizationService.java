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

    public AuthorizationService(TransactionStore store, AcquirerAuthorizationPort acquirer, CardResolver cards,
                                CardVault vault, EngineSettings settings, RemittanceSettings remittance,
                                @ConfigProperty(name = "caisse.acquirer.timeout") Duration acquirerTimeout,
                                Clock clock) {
        this.store = store;
        this.acquirer = acquirer;
        this.cards = cards;
        this.vault = vault;
        this.settings = settings;
        this.remittance = remittance;
        this.acquirerTimeout = acquirerTimeout;
        this.clock = clock;
    }

    /** @return the transaction snapshot, whatever the business outcome ({@code responseCode} tells it) */
    public Uni<Map<String, Object>> authorize(AuthorizeCommand command) {
        return store.referenceExists(command.merchantId(), command.transactionReference())
                .flatMap(exists -> exists
                        ? Uni.createFrom().item(answerWithoutTransaction(command, ResponseCodes.DUPLICATE_REFERENCE))
                        : cards.resolve(command.merchantId(), command.card(), false)
                                .flatMap(card -> authorizeNew(command, card))
                                .onFailure(CardUnusableException.class).recoverWithItem(failure -> {
                                    LOG.infof("authorization %s:%s refused: %s", command.merchantId(),
                                            command.transactionReference(), failure.getMessage());
                                    return answerWithoutTransaction(command,
                                            ((CardUnusableException) failure).responseCode());
                                }));
    }

    private Uni<Map<String, Object>> authorizeNew(AuthorizeCommand command, ResolvedCard card) {
        Money amount = new Money(command.amount(), command.currency());
        String brand = chooseBrand(card.pan(), command.paymentMeanBrand() != null
                ? command.paymentMeanBrand() : card.brandHint());
        VaultEntry vaulted = vault.protect(command.merchantId(), card.pan(), card.expiry());
        Transaction requested = requested(command, amount, vaulted, brand, card);
        AuthorizationTerms terms = new AuthorizationTerms(remittance.authorizationValidityDays(),
                command.isDuplicate() ? OperationName.DUPLICATE : OperationName.AUTHORIZATION);
        AcquirerAuthorizationRequest request = new AcquirerAuthorizationRequest(command.merchantId(), amount,
                card.pan(), card.expiry(), card.csc(), brand);
        return askAcquirer(request, requested.key()).flatMap(answer -> {
            Transaction withBrand = answer.brand() == null || answer.brand().equals(brand) ? requested
                    : requested.toBuilder().card(new MaskedCard(requested.card().maskedPan(), answer.brand(),
                    requested.card().expiryDate(), "CARD", null)).build();
            TransitionOutcome.Accepted accepted = accepted(withBrand.applyAuthorizationResult(answer.toResult(),
                    now(), terms));
            return store(accepted, vaulted, command);
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

    private Uni<Map<String, Object>> store(TransitionOutcome.Accepted accepted, VaultEntry vaulted,
                                           AuthorizeCommand command) {
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
