package org.caisse.keymanagement.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.caisse.keymanagement.application.port.out.CsePrivateKeyEnvelope;
import org.caisse.keymanagement.application.port.out.KeyCustodyStore;
import org.caisse.keymanagement.application.port.out.KeyCustodyTransaction;
import org.caisse.keymanagement.application.port.out.KeyCustodyTransaction.WrappedMaterial;
import org.caisse.keymanagement.application.port.out.KeyEncryptionKeyProvider;
import org.caisse.keymanagement.application.port.out.SecretKeyEnvelope;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.cse.CseKeyId;
import org.caisse.keymanagement.domain.custody.Actor;
import org.caisse.keymanagement.domain.custody.AuditAction;
import org.caisse.keymanagement.domain.custody.AuditEntry;
import org.jboss.logging.Logger;

/**
 * KEK rotation: every wrapped data key (seal and CSE) not yet under the current key-encryption key is unwrapped with
 * the KEK that wrapped it and wrapped again under the current one, in one transaction; the encrypted secrets are not
 * touched. Afterwards the previous KEK files can be removed. A row that does not unwrap fails the whole run (nothing
 * is half re-wrapped).
 */
@ApplicationScoped
public class KekRewrapService {

    private static final Logger LOG = Logger.getLogger(KekRewrapService.class);

    /** What a run changed. */
    public record RewrapReport(String kekId, int sealKeys, int cseKeys) {
    }

    private final KeyCustodyStore store;
    private final KeyEncryptionKeyProvider keyEncryptionKey;
    private final SecretKeyEnvelope sealEnvelope;
    private final CsePrivateKeyEnvelope cseEnvelope;
    private final Clock clock;

    public KekRewrapService(KeyCustodyStore store, KeyEncryptionKeyProvider keyEncryptionKey,
                            SecretKeyEnvelope sealEnvelope, CsePrivateKeyEnvelope cseEnvelope, Clock clock) {
        this.store = store;
        this.keyEncryptionKey = keyEncryptionKey;
        this.sealEnvelope = sealEnvelope;
        this.cseEnvelope = cseEnvelope;
        this.clock = clock;
    }

    public Uni<RewrapReport> rewrapAll(Actor actor) {
        String current = keyEncryptionKey.currentKekId();
        return store.inTransaction(tx -> tx.sealMaterialNotWrappedBy(current)
                .flatMap(seal -> rewrapSeal(tx, seal).replaceWith(seal.size()))
                .flatMap(sealCount -> tx.cseMaterialNotWrappedBy(current)
                        .flatMap(cse -> rewrapCse(tx, cse).replaceWith(new RewrapReport(current, sealCount, cse.size()))))
                .call(report -> tx.audit(AuditEntry.of(clock.instant(), actor, AuditAction.REWRAP_KEK,
                        AuditEntry.Outcome.ACCEPTED, null, null, "re-wrapped " + report.sealKeys() + " seal and "
                                + report.cseKeys() + " CSE data keys under " + report.kekId()))))
                .invoke(report -> LOG.infof("KEK rewrap by %s: %s", actor.name(), report));
    }

    private Uni<Void> rewrapSeal(KeyCustodyTransaction tx, List<WrappedMaterial<MerchantKeyId>> rows) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (WrappedMaterial<MerchantKeyId> row : rows) {
            chain = chain.flatMap(x -> tx.updateSealWrapping(row.id(), sealEnvelope.rewrap(row.id(), row.material())));
        }
        return chain;
    }

    private Uni<Void> rewrapCse(KeyCustodyTransaction tx, List<WrappedMaterial<CseKeyId>> rows) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (WrappedMaterial<CseKeyId> row : rows) {
            chain = chain.flatMap(x -> tx.updateCseWrapping(row.id(), cseEnvelope.rewrap(row.id(), row.material())));
        }
        return chain;
    }
}
