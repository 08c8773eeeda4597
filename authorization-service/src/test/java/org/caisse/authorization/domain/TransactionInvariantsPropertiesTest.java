package org.caisse.authorization.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.CurrencyUnit;
import org.caisse.common.money.Money;
import org.caisse.common.sips.TransactionStatus;

/**
 * Random sequences of operations, in any order and with any amounts, never break the money invariants: what is
 * captured never exceeds what was authorized, what is refunded never exceeds what was captured, final statuses
 * accept nothing, and a refused operation changes nothing.
 */
class TransactionInvariantsPropertiesTest {

    static final CurrencyUnit EUR = Currencies.byNumeric("978").orElseThrow();
    static final CurrencyUnit USD = Currencies.byNumeric("840").orElseThrow();
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.ofHours(1));
    static final Set<TransactionStatus> FINAL = EnumSet.of(TransactionStatus.CANCELLED, TransactionStatus.EXPIRED,
            TransactionStatus.CREDITED, TransactionStatus.REFUSED);

    enum Kind { VALIDATE, CANCEL, REFUND, CAPTURE, REMIT_CREDIT, EXPIRE, FORCE, DEFERRED_AUTHORIZATION }

    record Step(Kind kind, long amount, boolean otherCurrency) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.longs().between(-5, 12_000), Arbitraries.integers().between(0, 19).map(i -> i == 0))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    @Provide
    Arbitrary<String> acquirerCodes() {
        return Arbitraries.of("00", "00", "00", "02", "05", "51", "91");
    }

    @Property(tries = 2000)
    void operationsNeverBreakTheMoneyInvariants(@ForAll CaptureMode mode, @ForAll @IntRange(min = 0, max = 12) int captureDay,
                                                @ForAll @IntRange(min = 1, max = 10_000) int amount,
                                                @ForAll("acquirerCodes") String acquirerCode,
                                                @ForAll("steps") List<Step> steps) {
        MaskedCard card = new MaskedCard("5100##########00", "MASTERCARD", YearMonth.of(2030, 1), "CARD", null);
        Transaction t = Transaction.request(UUID.randomUUID(), "002001000000001", "PROP1", Money.of(amount, EUR), mode,
                captureDay, "INTERNET", card, ShopData.empty(), null, T0);
        boolean approved = acquirerCode.equals("00");
        TransitionOutcome first = t.applyAuthorizationResult(
                new AuthorizationResult(approved, acquirerCode, approved ? "123456" : null, null), T0,
                new AuthorizationTerms(6, OperationName.AUTHORIZATION));
        t = ((TransitionOutcome.Accepted) first).transaction();
        long expectedRefunded = 0;
        OffsetDateTime now = T0;
        for (Step step : steps) {
            now = now.plusHours(7);
            Money money = Money.of(step.amount(), step.otherCurrency() ? USD : EUR);
            TransactionStatus before = t.status();
            TransitionOutcome outcome = switch (step.kind()) {
                case VALIDATE -> t.validate(money, now);
                case CANCEL -> t.cancel(money, now);
                case REFUND -> t.refund(money, now);
                case CAPTURE -> t.capture(now);
                case REMIT_CREDIT -> t.remitCredit(now);
                case EXPIRE -> t.expire(now);
                case FORCE -> t.forceReferral("F12345", now);
                case DEFERRED_AUTHORIZATION -> t.applyDeferredAuthorization(
                        new AuthorizationResult(true, "00", "777777", null), now);
            };
            if (outcome instanceof TransitionOutcome.Accepted accepted) {
                assertThat(FINAL).as("a final status accepts nothing").doesNotContain(before);
                if (step.kind() == Kind.REFUND) {
                    expectedRefunded += step.amount();
                }
                assertThat(accepted.operation()).isEqualTo(accepted.transaction().lastOperation());
                t = accepted.transaction();
            } else {
                assertThat(t.status()).as("a refused operation changes nothing").isEqualTo(before);
            }
            assertInvariants(t, expectedRefunded);
        }
    }

    private static void assertInvariants(Transaction t, long expectedRefunded) {
        long amount = t.amount().minorUnits();
        assertThat(t.currentAmount().minorUnits()).isBetween(0L, amount);
        assertThat(t.capturedAmount().minorUnits()).isBetween(0L, amount);
        assertThat(t.refundedAmount().minorUnits()).isBetween(0L, t.capturedAmount().minorUnits());
        assertThat(t.refundedAmount().minorUnits()).as("every accepted refund counted once").isEqualTo(expectedRefunded);
        if (EnumSet.of(TransactionStatus.CAPTURED, TransactionStatus.TO_CREDIT, TransactionStatus.CREDITED)
                .contains(t.status())) {
            assertThat(t.currentAmount()).isEqualTo(t.capturedAmount().minus(t.refundedAmount()));
        } else {
            assertThat(t.capturedAmount().isZero()).as("nothing captured before capture").isTrue();
        }
        if (t.status() == TransactionStatus.CREDITED) {
            assertThat(t.refundedAmount()).isEqualTo(t.capturedAmount());
        }
        if (t.status() == TransactionStatus.CANCELLED || t.status() == TransactionStatus.EXPIRED) {
            assertThat(t.currentAmount().isZero()).isTrue();
        }
    }
}
