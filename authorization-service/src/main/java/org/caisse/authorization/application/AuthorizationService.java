package org.caisse.authorization.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.time.Duration;
import org.caisse.authorization.application.port.out.AcquirerAuthorizationAnswer;
import org.caisse.authorization.application.port.out.AcquirerAuthorizationPort;
import org.caisse.authorization.application.port.out.NewTransaction;
import org.caisse.authorization.domain.AuthorizationTerms;
import org.caisse.authorization.domain.OperationName;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.caisse.authorization.application.port.out.AcquirerAuthorizationRequest;
import org.caisse.authorization.application.port.out.TransactionStore;
import org.caisse.authorization.domain.MaskedCard;
import org.caisse.authorization.domain.ResponseCodes;
import org.caisse.authorization.domain.Transaction;
import org.caisse.authorization.domain.TransitionOutcome;
import org.caisse.common.card.CardBrand;
import org.caisse.common.card.CardBrands;
import org.caisse.common.card.PanMasking;
import org.caisse.common.money.Money;
import org.jboss.logging.Logger;

/**
 * Authorizes a card payment: refuses a reused transactionReference (94), asks the acquirer, applies its answer to a
 * new transaction and stores the transaction, its AUTHORIZATION operation and its event in one database transaction.
 */
@ApplicationScoped
public class AuthorizationService {

    private static final Logger LOG = Logger.getLogger(AuthorizationService.class);

    private final TransactionStore store;
    private final AcquirerAuthorizationPort acquirer;
    private final EngineSettings settings;
    private final RemittanceSettings remittance;
    private final Duration acquirerTimeout;
    private final Clock clock;

    public AuthorizationService(TransactionStore store, AcquirerAuthorizationPort acquirer, EngineSettings settings,
                                RemittanceSettings remittance,
                                @ConfigProperty(name = "caisse.acquirer.timeout") Duration acquirerTimeout,
                                Clock clock) {
        this.store = store;
        this.acquirer = acquirer;
        this.settings = settings;
        this.remittance = remittance;
        this.acquirerTimeout = acquirerTimeout;
        this.clock = clock;
    }

    /** @return the transaction snapshot, whatever the business outcome ({@code responseCode} tells it) */
    public Uni<Map<String, Object>> authorize(AuthorizeCommand command) {
        Money amount = new Money(command.amount(), command.currency());
        String brand = chooseBrand(command.cardNumber(), command.paymentMeanBrand());
        MaskedCard card = new MaskedCard(PanMasking.sipsMaskedPan(command.cardNumber()), brand,
                command.cardExpiryDate(), "CARD", null);
        Transaction requested = Transaction.request(UUID.randomUUID(), command.merchantId(),
                command.transactionReference(), amount, command.captureMode(), command.captureDay(),
                command.orderChannel(), card, command.shop(), command.notification(), now());
        return store.referenceExists(command.merchantId(), command.transactionReference())
                .flatMap(exists -> exists
                        ? Uni.createFrom().item(duplicateAnswer(requested))
                        : authorizeNew(command, requested, amount, brand));
    }

    private Uni<Map<String, Object>> authorizeNew(AuthorizeCommand command, Transaction requested, Money amount,
                                                  String brand) {
        AcquirerAuthorizationRequest request = new AcquirerAuthorizationRequest(command.merchantId(), amount,
                command.cardNumber(), command.cardExpiryDate(), command.cscValue(), brand);
        AuthorizationTerms terms = new AuthorizationTerms(remittance.authorizationValidityDays(),
                OperationName.AUTHORIZATION);
        return acquirer.authorize(request)
                .ifNoItem().after(acquirerTimeout).recoverWithItem(() -> {
                    LOG.warnf("acquirer gave no answer within %s for %s: refused as issuer unreachable",
                            acquirerTimeout, requested.key());
                    return AcquirerAuthorizationAnswer.unanswered(brand);
                })
                .flatMap(answer -> {
            Transaction withBrand = answer.brand() == null || answer.brand().equals(brand) ? requested
                    : requested.toBuilder().card(new MaskedCard(requested.card().maskedPan(), answer.brand(),
                    requested.card().expiryDate(), "CARD", null)).build();
            TransitionOutcome outcome = withBrand.applyAuthorizationResult(answer.toResult(), now(), terms);
            if (!(outcome instanceof TransitionOutcome.Accepted accepted)) {
                throw new IllegalStateException("a new transaction always accepts its authorization result");
            }
            Transaction authorized = accepted.transaction();
            Map<String, Object> snapshot = TransactionSnapshots.of(authorized, settings.zone());
            var event = TransactionEvents.event(TransactionEvents.authorizationType(authorized), authorized, snapshot,
                    settings, clock.instant());
            return store.insertNew(new NewTransaction(authorized, accepted.operation(), List.of(event), null))
                    .map(inserted -> {
                if (!inserted) {
                    LOG.warnf("transaction %s was created concurrently; answering 94", authorized.key());
                    return duplicateAnswer(requested);
                }
                LOG.infof("authorization %s: %s responseCode=%s", authorized.key(), authorized.status(),
                        authorized.responseCode().code());
                return snapshot;
            });
        });
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

    /** Answer to a reused reference: the request echoed with 94, nothing about the existing transaction. */
    private Map<String, Object> duplicateAnswer(Transaction requested) {
        Map<String, Object> snapshot = TransactionSnapshots.of(
                requested.toBuilder().responseCode(ResponseCodes.DUPLICATE_REFERENCE).build(), settings.zone());
        snapshot.remove("status");
        snapshot.remove("currentAmount");
        return snapshot;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(settings.zone()));
    }
}
