package org.caisse.keymanagement.domain.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;
import org.junit.jupiter.api.Test;

/** The seal key lifecycle rules, example by example and as properties over random operation sequences. */
class KeyRingTransitionsTest {

    private static final MerchantId MERCHANT = MerchantId.of("900000000000001");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private MerchantKeyRing ring = new MerchantKeyRing(MERCHANT, List.of());

    @Test
    void requestedVersionIsNextAndMustBeDownloadedBeforeActivation() {
        SealKeyVersion v1 = add(ring.request(KeyEnvironment.TEST, T0));
        assertThat(v1.keyVersion()).isEqualTo(KeyVersion.of(1));
        assertThat(v1.status()).isEqualTo(KeyStatus.REQUESTED);
        assertThat(ring.nextVersion()).isEqualTo(KeyVersion.of(2));

        assertThat(ring.activate(v1.keyVersion(), DAY, T0, false))
                .isInstanceOfSatisfying(Decision.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(RefusalReason.NOT_DOWNLOADED));
        SealKeyVersion downloaded = accepted(ring.download(v1.keyVersion(), T0));
        replace(downloaded);
        assertThat(ring.download(v1.keyVersion(), T0)).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.ALREADY_DOWNLOADED));
        List<SealKeyVersion> changed = accepted(ring.activate(v1.keyVersion(), DAY, T0, false));
        assertThat(changed).singleElement().satisfies(v -> assertThat(v.status()).isEqualTo(KeyStatus.ACTIVE));
    }

    @Test
    void activationDeprecatesOtherActiveVersionsOfTheSameEnvironmentOnly() {
        SealKeyVersion test1 = activeNow(KeyEnvironment.TEST);
        SealKeyVersion prod2 = activeNow(KeyEnvironment.PRODUCTION);
        SealKeyVersion test3 = add(ring.request(KeyEnvironment.TEST, T0));
        replace(accepted(test3.download(T0)));

        Instant later = T0.plusSeconds(60);
        List<SealKeyVersion> changed = accepted(ring.activate(test3.keyVersion(), Duration.ofHours(2), later, false));

        assertThat(changed).extracting(SealKeyVersion::keyVersion)
                .containsExactly(test3.keyVersion(), test1.keyVersion());
        assertThat(changed.get(1).status()).isEqualTo(KeyStatus.DEPRECATED);
        assertThat(changed.get(1).notAfter()).contains(later.plus(Duration.ofHours(2)));
        assertThat(changed).extracting(SealKeyVersion::keyVersion).doesNotContain(prod2.keyVersion());
    }

    @Test
    void lastActiveVersionIsKeptUnlessEmergency() {
        SealKeyVersion v1 = activeNow(KeyEnvironment.TEST);
        assertThat(ring.deactivate(v1.keyVersion(), T0, false)).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.LAST_ACTIVE_KEY));
        assertThat(accepted(ring.deactivate(v1.keyVersion(), T0, true)).status()).isEqualTo(KeyStatus.DEACTIVATED);
    }

    @Test
    void destructionOnlyAfterDeactivation() {
        SealKeyVersion v1 = activeNow(KeyEnvironment.TEST);
        activeNow(KeyEnvironment.TEST);
        assertThat(ring.destroy(v1.keyVersion(), T0)).isInstanceOf(Decision.Refused.class);
        replace(accepted(ring.deactivate(v1.keyVersion(), T0, false)));
        SealKeyVersion destroyed = accepted(ring.destroy(v1.keyVersion(), T0));
        assertThat(destroyed.status()).isEqualTo(KeyStatus.DESTROYED);
        assertThat(destroyed.destroyedAt()).contains(T0);
        assertThat(destroyed.lifecycle().isUsableForVerificationAt(T0)).isFalse();
    }

    @Test
    void overlapPolicyRefusesOutOfRangeAndDefaultsTo24Hours() {
        assertThat(accepted(OverlapPolicy.STANDARD.check(null))).isEqualTo(DAY);
        assertThat(OverlapPolicy.STANDARD.check(Duration.ofMinutes(59))).isInstanceOf(Decision.Refused.class);
        assertThat(OverlapPolicy.STANDARD.check(Duration.ofDays(31))).isInstanceOf(Decision.Refused.class);
        assertThat(accepted(OverlapPolicy.STANDARD.check(Duration.ofDays(30)))).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aLowerConfiguredMinimumAllowsShortOverlapsAndKeepsTheRest() {
        OverlapPolicy forTests = OverlapPolicy.STANDARD.withMinimum(Duration.ofSeconds(10));
        assertThat(accepted(forTests.check(Duration.ofSeconds(20)))).isEqualTo(Duration.ofSeconds(20));
        assertThat(forTests.check(Duration.ofSeconds(9))).isInstanceOf(Decision.Refused.class);
        assertThat(forTests.check(Duration.ofDays(31))).isInstanceOf(Decision.Refused.class);
        assertThat(accepted(forTests.check(null))).isEqualTo(DAY);
    }

    @Test
    void dualControlRefusesTheSameCustodianAndExpiredRequests() {
        Actor alice = new Actor("alice@caisse.example", ActorRole.CUSTODIAN, "10.0.0.1");
        Actor aliceElsewhere = new Actor("ALICE@caisse.example", ActorRole.CUSTODIAN, "10.0.0.9");
        Actor bob = new Actor("bob@caisse.example", ActorRole.CUSTODIAN, "10.0.0.2");
        RevocationApproval pending = RevocationApproval.request(java.util.UUID.randomUUID(),
                new org.caisse.keymanagement.domain.MerchantKeyId(MERCHANT, KeyVersion.of(1)), alice, "leaked", T0,
                RevocationApproval.VALIDITY);
        assertThat(pending.approve(aliceElsewhere, T0)).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.SAME_CUSTODIAN));
        assertThat(pending.approve(bob, T0.plus(RevocationApproval.VALIDITY)))
                .isInstanceOfSatisfying(Decision.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(RefusalReason.APPROVAL_EXPIRED));
        RevocationApproval approved = accepted(pending.approve(bob, T0.plusSeconds(10)));
        assertThat(approved.status()).isEqualTo(RevocationApproval.Status.APPROVED);
        assertThat(approved.approve(bob, T0.plusSeconds(11))).isInstanceOf(Decision.Refused.class);
    }

    /** Whatever the sequence of operations, the invariants of a merchant's key ring hold. */
    @Property(tries = 300)
    void invariantsHoldForAnySequenceOfOperations(@ForAll("operations") List<Integer> operations) {
        ring = new MerchantKeyRing(MERCHANT, List.of());
        Instant now = T0;
        for (int op : operations) {
            now = now.plusSeconds(61);
            int kind = op % 6;
            KeyVersion target = KeyVersion.of(1 + (op / 6) % Math.max(1, ring.versions().size()));
            int activeBefore = activeCount(now);
            switch (kind) {
                case 0 -> add(ring.request(op % 2 == 0 ? KeyEnvironment.TEST : KeyEnvironment.PRODUCTION, now));
                case 1 -> apply(ring.download(target, now));
                case 2 -> applyAll(ring.activate(target, DAY, now, false));
                case 3 -> {
                    Decision<SealKeyVersion> d = ring.deactivate(target, now, false);
                    apply(d);
                    // outside an emergency, a merchant never loses its last live key of an environment
                    if (activeBefore > 0) {
                        assertThat(activeCount(now)).isPositive();
                    }
                }
                case 4 -> apply(ring.destroy(target, now));
                default -> applyAll(ring.activate(target, DAY, now, true));
            }
            for (KeyEnvironment env : KeyEnvironment.values()) {
                assertThat(ring.versions().stream()
                        .filter(v -> v.environment() == env && v.status() == KeyStatus.ACTIVE).count())
                        .as("at most one ACTIVE version per environment").isLessThanOrEqualTo(1);
            }
            for (SealKeyVersion v : ring.versions()) {
                if (v.status() == KeyStatus.DEPRECATED) {
                    assertThat(v.notAfter()).as("deprecation has a deadline").isPresent();
                }
                if (v.status() == KeyStatus.ACTIVE || v.status() == KeyStatus.DEPRECATED) {
                    assertThat(v.activatedAt()).isPresent();
                }
                if (v.status() == KeyStatus.DESTROYED) {
                    assertThat(v.deactivatedAt()).as("destroyed only after deactivation").isPresent();
                }
            }
            List<Integer> numbers = ring.versions().stream().map(v -> v.keyVersion().value()).toList();
            assertThat(numbers).doesNotHaveDuplicates();
        }
    }

    @Provide
    Arbitrary<List<Integer>> operations() {
        return Arbitraries.integers().between(0, 200).list().ofMaxSize(40);
    }

    private int activeCount(Instant now) {
        return (int) ring.versions().stream().filter(v -> v.isActiveAt(now)).count();
    }

    private SealKeyVersion activeNow(KeyEnvironment environment) {
        SealKeyVersion requested = add(ring.request(environment, T0));
        replace(accepted(requested.download(T0)));
        applyAll(ring.activate(requested.keyVersion(), DAY, T0, false));
        return ring.find(requested.keyVersion()).orElseThrow();
    }

    private SealKeyVersion add(SealKeyVersion version) {
        List<SealKeyVersion> all = new ArrayList<>(ring.versions());
        all.add(version);
        ring = new MerchantKeyRing(MERCHANT, all);
        return version;
    }

    private void replace(SealKeyVersion version) {
        List<SealKeyVersion> all = new ArrayList<>(ring.versions().stream()
                .filter(v -> !v.keyVersion().equals(version.keyVersion())).toList());
        all.add(version);
        ring = new MerchantKeyRing(MERCHANT, all);
    }

    private void apply(Decision<SealKeyVersion> decision) {
        if (decision instanceof Decision.Accepted<SealKeyVersion> a) {
            replace(a.value());
        }
    }

    private void applyAll(Decision<List<SealKeyVersion>> decision) {
        if (decision instanceof Decision.Accepted<List<SealKeyVersion>> a) {
            a.value().forEach(this::replace);
        }
    }

    private static <T> T accepted(Decision<T> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<T>) decision).value();
    }
}
