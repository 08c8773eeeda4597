package org.caisse.keymanagement.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caisse.keymanagement.application.port.out.CseKeyPairGenerator;
import org.caisse.keymanagement.application.port.out.CseKeyPairGenerator.GeneratedCseKeyPair;
import org.caisse.keymanagement.application.port.out.CsePrivateKeyEnvelope;
import org.caisse.keymanagement.application.port.out.KeyCustodyStore;
import org.caisse.keymanagement.application.port.out.StoredCseKey;
import org.caisse.keymanagement.domain.KeyLifecycle;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.cse.CseKeyId;
import org.caisse.keymanagement.domain.cse.CsePublicKey;
import org.caisse.keymanagement.domain.custody.Actor;
import org.caisse.keymanagement.domain.custody.AuditAction;
import org.caisse.keymanagement.domain.custody.AuditEntry;
import org.caisse.keymanagement.domain.custody.Decision;
import org.caisse.keymanagement.domain.custody.KeyEvent;
import org.caisse.keymanagement.domain.custody.KeyEventType;
import org.caisse.keymanagement.domain.custody.OverlapPolicy;

/**
 * Lifecycle of the CSE key pairs: list them, rotate them. Rotation generates a new ACTIVE pair and deprecates the
 * previous ACTIVE ones with a {@code notAfter}, in one transaction with a {@code cse-rotated} event and an audit line.
 */
@ApplicationScoped
public class CseKeyLifecycleService {

    /**
     * At least 24 h: a shop may have encrypted with the previous public key it fetched just before the rotation
     * (the JWKS is cached), and the decrypting side caches private keys too.
     */
    public static final OverlapPolicy CSE_OVERLAP =
            new OverlapPolicy(Duration.ofHours(24), Duration.ofDays(30), Duration.ofHours(24));

    private final KeyCustodyStore store;
    private final CseKeyPairGenerator generator;
    private final CsePrivateKeyEnvelope envelope;
    private final Clock clock;

    public CseKeyLifecycleService(KeyCustodyStore store, CseKeyPairGenerator generator,
                                  CsePrivateKeyEnvelope envelope, Clock clock) {
        this.store = store;
        this.generator = generator;
        this.envelope = envelope;
        this.clock = clock;
    }

    /** Every pair of the merchant, newest first, without private keys. */
    public Uni<List<CseKeyView>> listCseKeys(MerchantId merchantId) {
        return store.cseKeys(merchantId);
    }

    /** A new ACTIVE pair; the previous ACTIVE pairs decrypt until now + {@code overlap} (null: 24 h; 24 h – 30 d). */
    public Uni<Decision<CsePublicKey>> rotateCse(MerchantId merchantId, Duration overlap, Actor actor) {
        return store.inTransaction(tx -> tx.lockMerchant(merchantId).flatMap(x -> tx.cseKeys(merchantId))
                .flatMap(existing -> {
                    Instant now = clock.instant();
                    Decision<Duration> checked = CSE_OVERLAP.check(overlap);
                    if (checked instanceof Decision.Refused<Duration> refusal) {
                        return tx.audit(AuditEntry.ofCse(now, actor, AuditAction.ROTATE_CSE_KEY,
                                        AuditEntry.Outcome.REFUSED, merchantId, null,
                                        refusal.reason() + ": " + refusal.message()))
                                .replaceWith(Decision.<CsePublicKey>refuse(refusal.reason(), refusal.message()));
                    }
                    Instant notAfter = now.plus(((Decision.Accepted<Duration>) checked).value());
                    CseKeyId id = CseKeyId.newFor(merchantId);
                    GeneratedCseKeyPair pair = generator.generate(id);
                    CsePublicKey publicKey = new CsePublicKey(id, KeyLifecycle.active(), now, pair.publicJwk());
                    List<CseKeyId> deprecated = existing.stream()
                            .filter(k -> k.lifecycle().status() == KeyStatus.ACTIVE).map(CseKeyView::id).toList();
                    Uni<Void> chain = tx.insertCseKey(new StoredCseKey(publicKey,
                            Optional.of(envelope.seal(id, pair.privateJwk()))));
                    for (CseKeyId old : deprecated) {
                        chain = chain.flatMap(v -> tx.updateCseLifecycle(old,
                                KeyLifecycle.of(KeyStatus.DEPRECATED, notAfter), now));
                    }
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("merchantId", merchantId.value());
                    data.put("kid", id.kid());
                    data.put("deprecatedKids", deprecated.stream().map(CseKeyId::kid).toList());
                    data.put("notAfter", notAfter.toString());
                    data.put("actorRole", actor.role().name());
                    KeyEvent event = new KeyEvent(UUID.randomUUID(), KeyEventType.CSE_ROTATED, merchantId, now, data);
                    return chain.flatMap(v -> tx.publish(event))
                            .flatMap(v -> tx.audit(AuditEntry.ofCse(now, actor, AuditAction.ROTATE_CSE_KEY,
                                    AuditEntry.Outcome.ACCEPTED, merchantId, id.kid(),
                                    "new pair; deprecated " + data.get("deprecatedKids") + " until " + notAfter)))
                            .replaceWith(Decision.accept(publicKey));
                }));
    }
}
