package org.caisse.paymentpage.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.caisse.paymentpage.application.port.out.CardAttemptStore;
import org.caisse.paymentpage.application.port.out.CardFingerprints;
import org.caisse.paymentpage.domain.TestCards;
import org.caisse.paymentpage.config.PageProtectionConfig;
import org.jboss.logging.Logger;

/**
 * Card-testing defence. A payment session allows a few rejected card entries (bad number, expiry or CSC); the
 * one after them ends the payment (Sips 75). A card (by its keyed fingerprint) may be submitted a few times in a
 * sliding window across all sessions and merchants; beyond that it is refused (75) before authorization. The
 * published test card numbers (SIPS.md §8) are not counted across sessions.
 */
@ApplicationScoped
public class CardAttemptLimiter {

    /** Response code of a payment ended by the limits: "number of attempts at entering the card exceeded". */
    public static final String ATTEMPTS_EXCEEDED = "75";
    /** Session counts are kept well past any session's lifetime, then pruned. */
    private static final Duration SESSION_COUNT_RETENTION = Duration.ofDays(1);
    private static final Logger LOG = Logger.getLogger(CardAttemptLimiter.class);
    private static final Set<String> PUBLISHED_TEST_CARDS =
            TestCards.ALL.stream().map(TestCards.TestCard::number).collect(Collectors.toUnmodifiableSet());

    private final CardAttemptStore store;
    private final CardFingerprints fingerprints;
    private final Clock clock;
    private final int maxRejectedEntries;
    private final int maxSubmissionsPerCard;
    private final Duration window;

    @Inject
    public CardAttemptLimiter(CardAttemptStore store, CardFingerprints fingerprints, Clock clock,
                              PageProtectionConfig config) {
        this(store, fingerprints, clock, config.maxCardAttempts(), config.cardAttempts().max(),
                config.cardAttempts().window());
    }

    CardAttemptLimiter(CardAttemptStore store, CardFingerprints fingerprints, Clock clock, int maxRejectedEntries,
                       int maxSubmissionsPerCard, Duration window) {
        this.store = store;
        this.fingerprints = fingerprints;
        this.clock = clock;
        this.maxRejectedEntries = maxRejectedEntries;
        this.maxSubmissionsPerCard = maxSubmissionsPerCard;
        this.window = window;
    }

    /** Counts a rejected card entry; false when it is one too many and the payment must end with 75. */
    public Uni<Boolean> rejectedEntryAllowed(UUID paymentRequestId) {
        return store.recordRejectedEntry(paymentRequestId).map(count -> {
            if (count > maxRejectedEntries) {
                LOG.warnf("Payment request %s: rejected card entry number %d, the payment ends (75)", paymentRequestId, count);
                return false;
            }
            return true;
        });
    }

    /** Counts a submission of the card; false when the card was submitted too often and must not be authorized. */
    public Uni<Boolean> submissionAllowed(UUID paymentRequestId, String cardNumber) {
        if (PUBLISHED_TEST_CARDS.contains(cardNumber)) {
            // Published test numbers are shared by every tester and never a real card: nothing to defend.
            return Uni.createFrom().item(true);
        }
        Instant now = clock.instant();
        return store.recordSubmission(fingerprints.of(cardNumber), now, now.minus(window)).map(count -> {
            if (count > maxSubmissionsPerCard) {
                // Neither the card number nor its fingerprint is logged.
                LOG.warnf("Payment request %s: card submitted %d times within %s, refused (75)", paymentRequestId,
                        count, window);
                return false;
            }
            return true;
        });
    }

    /** Forgets what no limit looks at any more. */
    public Uni<Integer> prune() {
        Instant now = clock.instant();
        return store.prune(now.minus(window), now.minus(SESSION_COUNT_RETENTION));
    }
}
