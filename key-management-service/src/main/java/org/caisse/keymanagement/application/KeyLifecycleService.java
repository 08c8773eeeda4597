package org.caisse.keymanagement.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.caisse.keymanagement.application.port.out.KeyCustodyStore;
import org.caisse.keymanagement.application.port.out.KeyCustodyTransaction;
import org.caisse.keymanagement.application.port.out.SecretKeyEnvelope;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.SecretKeyMaterial;
import org.caisse.keymanagement.domain.custody.Actor;
import org.caisse.keymanagement.domain.custody.AuditAction;
import org.caisse.keymanagement.domain.custody.AuditEntry;
import org.caisse.keymanagement.domain.custody.Decision;
import org.caisse.keymanagement.domain.custody.KeyEvent;
import org.caisse.keymanagement.domain.custody.KeyEventType;
import org.caisse.keymanagement.domain.custody.MerchantKeyRing;
import org.caisse.keymanagement.domain.custody.OverlapPolicy;
import org.caisse.keymanagement.domain.custody.RefusalReason;
import org.caisse.keymanagement.domain.custody.SealKeyVersion;
import org.jboss.logging.Logger;

/**
 * The seal key lifecycle use cases (merchants, support staff, custodians). Each runs in one transaction holding the
 * merchant's lock: the state change, its key events and its audit line (refusals included) commit together. Rules
 * are the domain's ({@link MerchantKeyRing}); a refusal is an answer ({@link Decision.Refused}), not an exception.
 * Who may call what (a merchant acts on its own keys only) is the calling adapter's business.
 */
@ApplicationScoped
public class KeyLifecycleService {

    private static final Logger LOG = Logger.getLogger(KeyLifecycleService.class);
    /** 256 bits, as the HMAC-SHA-256 key size. */
    static final int SECRET_BYTES = 32;

    private final KeyCustodyStore store;
    private final SecretKeyEnvelope envelope;
    private final Clock clock;
    private final OverlapPolicy overlapPolicy;
    private final SecureRandom random = new SecureRandom();

    public KeyLifecycleService(KeyCustodyStore store, SecretKeyEnvelope envelope, Clock clock,
                               OverlapPolicy overlapPolicy) {
        this.store = store;
        this.envelope = envelope;
        this.clock = clock;
        this.overlapPolicy = overlapPolicy;
    }

    /** A new version {@code max + 1}, REQUESTED, with 256 fresh random bits, for the merchant to download once. */
    public Uni<Decision<SealKeyVersion>> requestNewKey(MerchantId merchantId, KeyEnvironment environment,
                                                       Actor actor) {
        return inMerchant(merchantId, (tx, ring, now) -> request(tx, ring, environment, actor, now,
                AuditAction.REQUEST_KEY));
    }

    /**
     * The secret of a version, exactly once (REQUESTED or ACTIVE, never downloaded before). Any later call is
     * refused ({@link RefusalReason#ALREADY_DOWNLOADED}); services keep reading it through the internal fetch API.
     */
    public Uni<Decision<DownloadedKey>> downloadOnce(MerchantId merchantId, KeyVersion version, Actor actor) {
        return inMerchant(merchantId, (tx, ring, now) -> {
            Decision<SealKeyVersion> decision = ring.download(version, now);
            if (!(decision instanceof Decision.Accepted<SealKeyVersion> accepted)) {
                return refused(tx, decision, actor, AuditAction.DOWNLOAD_KEY, merchantId, version);
            }
            return tx.claimDownload(accepted.value().id(), now).flatMap(material -> {
                if (material.isEmpty()) {
                    return refused(tx, Decision.refuse(RefusalReason.ALREADY_DOWNLOADED,
                            "Key version " + version + " was already downloaded"), actor, AuditAction.DOWNLOAD_KEY,
                            merchantId, version);
                }
                // decrypted inside the transaction: an integrity failure rolls the claim back
                SecretKeyMaterial secret = envelope.open(accepted.value().id(), material.get());
                LOG.infof("Key version %s of merchant %s downloaded by %s", version, merchantId, actor.name());
                return tx.audit(AuditEntry.of(now, actor, AuditAction.DOWNLOAD_KEY, AuditEntry.Outcome.ACCEPTED,
                                merchantId, version, "downloaded"))
                        .replaceWith(Decision.accept(new DownloadedKey(accepted.value(), secret)));
            });
        });
    }

    /**
     * REQUESTED → ACTIVE (after download); the merchant's other ACTIVE versions of the same environment become
     * DEPRECATED until now + {@code overlap} (null: 24 h; allowed {@code caisse.keys.min-overlap}, 1 h by
     * default, – 30 days).
     */
    public Uni<Decision<SealKeyVersion>> activate(MerchantId merchantId, KeyVersion version, Duration overlap,
                                                  Actor actor) {
        return inMerchant(merchantId, (tx, ring, now) -> activateIn(tx, ring, version, overlap, actor, now, false,
                AuditAction.ACTIVATE_KEY));
    }

    /**
     * Support's rotation: a new version is requested and activated at once (the others deprecated after
     * {@code overlap}); the merchant then downloads it once.
     */
    public Uni<Decision<SealKeyVersion>> rotate(MerchantId merchantId, KeyEnvironment environment, Duration overlap,
                                                Actor actor) {
        return inMerchant(merchantId, (tx, ring, now) -> {
            Decision<Duration> checked = overlapPolicy.check(overlap);
            if (checked instanceof Decision.Refused<Duration> refusal) {
                return refused(tx, Decision.refuse(refusal.reason(), refusal.message()), actor,
                        AuditAction.ROTATE_KEY, merchantId, null);
            }
            return request(tx, ring, environment, actor, now, AuditAction.ROTATE_KEY).flatMap(requested -> {
                SealKeyVersion created = ((Decision.Accepted<SealKeyVersion>) requested).value();
                List<SealKeyVersion> with = new java.util.ArrayList<>(ring.versions());
                with.add(created);
                return activateIn(tx, new MerchantKeyRing(merchantId, with), created.keyVersion(), overlap, actor,
                        now, true, AuditAction.ROTATE_KEY);
            });
        });
    }

    /** Any live status → DEACTIVATED; refused for the last ACTIVE version of its environment. */
    public Uni<Decision<SealKeyVersion>> deactivate(MerchantId merchantId, KeyVersion version, Actor actor) {
        return inMerchant(merchantId, (tx, ring, now) -> deactivateIn(tx, ring, version, actor, now, false,
                AuditAction.DEACTIVATE_KEY, "deactivated"));
    }

    /** DEACTIVATED → DESTROYED: both ciphertexts erased, metadata kept. */
    public Uni<Decision<SealKeyVersion>> destroy(MerchantId merchantId, KeyVersion version, Actor actor) {
        return inMerchant(merchantId, (tx, ring, now) -> {
            Decision<SealKeyVersion> decision = ring.destroy(version, now);
            if (!(decision instanceof Decision.Accepted<SealKeyVersion> accepted)) {
                return refused(tx, decision, actor, AuditAction.DESTROY_KEY, merchantId, version);
            }
            return tx.updateSealKey(accepted.value())
                    .flatMap(x -> tx.publish(KeyEvent.ofSealKey(KeyEventType.DESTROYED, accepted.value(), now, actor)))
                    .flatMap(x -> tx.audit(AuditEntry.of(now, actor, AuditAction.DESTROY_KEY,
                            AuditEntry.Outcome.ACCEPTED, merchantId, version, "material erased")))
                    .replaceWith(decision);
        });
    }

    /** Every seal key version of the merchant with status, environment and dates, oldest first; never material. */
    public Uni<List<SealKeyVersion>> listKeys(MerchantId merchantId) {
        return store.sealKeys(merchantId);
    }

    /** Used by the revocation service: deactivation that may take the last active key. */
    Uni<Decision<SealKeyVersion>> deactivateIn(KeyCustodyTransaction tx, MerchantKeyRing ring, KeyVersion version,
                                               Actor actor, Instant now, boolean emergency, AuditAction action,
                                               String detail) {
        Decision<SealKeyVersion> decision = ring.deactivate(version, now, emergency);
        if (!(decision instanceof Decision.Accepted<SealKeyVersion> accepted)) {
            return refused(tx, decision, actor, action, ring.merchantId(), version);
        }
        LOG.infof("Key version %s of merchant %s deactivated by %s%s", version, ring.merchantId(), actor.name(),
                emergency ? " (emergency revocation)" : "");
        return tx.updateSealKey(accepted.value())
                .flatMap(x -> tx.publish(KeyEvent.ofSealKey(KeyEventType.DEACTIVATED, accepted.value(), now, actor)))
                .flatMap(x -> tx.audit(AuditEntry.of(now, actor, action, AuditEntry.Outcome.ACCEPTED,
                        ring.merchantId(), version, detail)))
                .replaceWith(decision);
    }

    private Uni<Decision<SealKeyVersion>> request(KeyCustodyTransaction tx, MerchantKeyRing ring,
                                                  KeyEnvironment environment, Actor actor, Instant now,
                                                  AuditAction action) {
        SealKeyVersion created = ring.request(environment, now);
        SecretKeyMaterial secret = freshSecret();
        return tx.insertSealKey(created, envelope.seal(created.id(), secret))
                .flatMap(x -> tx.publish(KeyEvent.ofSealKey(KeyEventType.REQUESTED, created, now, actor)))
                .flatMap(x -> tx.audit(AuditEntry.of(now, actor, action, AuditEntry.Outcome.ACCEPTED,
                        ring.merchantId(), created.keyVersion(), "requested " + environment + " key")))
                .replaceWith(Decision.accept(created));
    }

    private Uni<Decision<SealKeyVersion>> activateIn(KeyCustodyTransaction tx, MerchantKeyRing ring,
                                                     KeyVersion version, Duration overlap, Actor actor, Instant now,
                                                     boolean evenIfNotDownloaded, AuditAction action) {
        Decision<List<SealKeyVersion>> decision = overlapPolicy.check(overlap)
                .flatMap(applied -> ring.activate(version, applied, now, evenIfNotDownloaded));
        if (!(decision instanceof Decision.Accepted<List<SealKeyVersion>> accepted)) {
            Decision.Refused<List<SealKeyVersion>> refusal = (Decision.Refused<List<SealKeyVersion>>) decision;
            return refused(tx, Decision.refuse(refusal.reason(), refusal.message()), actor, action,
                    ring.merchantId(), version);
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SealKeyVersion changed : accepted.value()) {
            KeyEventType type = changed.status() == KeyStatus.ACTIVE ? KeyEventType.ACTIVATED : KeyEventType.DEPRECATED;
            chain = chain.flatMap(x -> tx.updateSealKey(changed))
                    .flatMap(x -> tx.publish(KeyEvent.ofSealKey(type, changed, now, actor)));
        }
        SealKeyVersion activated = accepted.value().getFirst();
        String detail = "activated; deprecated " + accepted.value().stream().skip(1)
                .map(v -> v.keyVersion() + " until " + v.notAfter().orElseThrow()).toList();
        LOG.infof("Key version %s of merchant %s activated by %s", version, ring.merchantId(), actor.name());
        return chain.flatMap(x -> tx.audit(AuditEntry.of(now, actor, action, AuditEntry.Outcome.ACCEPTED,
                        ring.merchantId(), version, detail)))
                .replaceWith(Decision.accept(activated));
    }

    private <T> Uni<Decision<T>> refused(KeyCustodyTransaction tx, Decision<?> decision, Actor actor,
                                         AuditAction action, MerchantId merchantId, KeyVersion version) {
        Decision.Refused<?> refusal = (Decision.Refused<?>) decision;
        LOG.infof("%s refused for merchant %s version %s (%s): %s", action, merchantId, version, actor.name(),
                refusal.reason());
        return tx.audit(AuditEntry.of(clock.instant(), actor, action, AuditEntry.Outcome.REFUSED, merchantId, version,
                        refusal.reason() + ": " + refusal.message()))
                .replaceWith(Decision.refuse(refusal.reason(), refusal.message()));
    }

    private <T> Uni<Decision<T>> inMerchant(MerchantId merchantId, RingWork<T> work) {
        return store.inTransaction(tx -> tx.lockMerchant(merchantId)
                .flatMap(x -> tx.sealKeys(merchantId))
                .flatMap(versions -> work.run(tx, new MerchantKeyRing(merchantId, versions), clock.instant())));
    }

    private SecretKeyMaterial freshSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        try {
            // Sips keys are text used as UTF-8 bytes: base64url keeps all 256 bits in 43 printable characters
            return SecretKeyMaterial.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @FunctionalInterface
    interface RingWork<T> {
        Uni<Decision<T>> run(KeyCustodyTransaction tx, MerchantKeyRing ring, Instant now);
    }

    /** Exposed for the revocation service, which locks the merchant itself. */
    <T> Uni<T> withRing(KeyCustodyTransaction tx, MerchantId merchantId, Function<MerchantKeyRing, Uni<T>> work) {
        return tx.lockMerchant(merchantId).flatMap(x -> tx.sealKeys(merchantId))
                .flatMap(versions -> work.apply(new MerchantKeyRing(merchantId, versions)));
    }
}
