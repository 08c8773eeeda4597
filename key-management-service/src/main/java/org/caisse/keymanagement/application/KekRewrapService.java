package org.caisse.keymanagement.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.caisse.keymanagement.application.port.out.CsePrivateKeyEnvelope;
import org.caisse.keymanagement.application.port.out.KeyCustodyStore;
import org.caisse.keymanagement.application.port.out.KeyCustodyTransaction;
import org.caisse.keymanagement.application.port.out.KeyCustodyTransaction.WrappedMaterial;
import org.caisse.keymanagement.application.port.out.EncryptedSecret;
import org.caisse.keymanagement.application.port.out.KeyEncryptionKeyProvider;
import org.caisse.keymanagement.application.port.out.SecretKeyEnvelope;
import org.caisse.keymanagement.domain.KeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.cse.CseKeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.cse.CseKeyId;
import org.caisse.keymanagement.domain.custody.Actor;
import org.caisse.keymanagement.domain.custody.AuditAction;
import org.caisse.keymanagement.domain.custody.AuditEntry;
import org.jboss.logging.Logger;

/**
 * KEK rotation: every wrapped data key (seal and CSE) not yet under the current key-encryption key is unwrapped with
 * the KEK that wrapped it and wrapped again under the current one, in one transaction; the encrypted secrets are not
 * touched. Afterwards the previous KEK files can be removed. A row that unwraps under no loaded KEK (tampered, or
 * under a KEK already removed) does not block the others: it is left unchanged and listed in the report.
 */
@ApplicationScoped
public class KekRewrapService {

    private static final Logger LOG = Logger.getLogger(KekRewrapService.class);

    /**
     * What a run changed: rows re-wrapped under {@code kekId}, and the rows that unwrap under no loaded KEK
     * ({@code merchantId|keyVersion} or {@code merchantId|kid}), left as they were.
     */
    public record RewrapReport(String kekId, int sealKeys, int cseKeys, List<String> unreadable) {
        public RewrapReport {
            unreadable = List.copyOf(unreadable);
        }
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
        List<String> unreadable = new java.util.ArrayList<>();
        return store.inTransaction(tx -> tx.sealMaterialNotWrappedBy(current)
                .flatMap(seal -> rewrapSeal(tx, seal, unreadable))
                .flatMap(sealCount -> tx.cseMaterialNotWrappedBy(current)
                        .flatMap(cse -> rewrapCse(tx, cse, unreadable)
                                .map(cseCount -> new RewrapReport(current, sealCount, cseCount, unreadable))))
                .call(report -> tx.audit(AuditEntry.of(clock.instant(), actor, AuditAction.REWRAP_KEK,
                        AuditEntry.Outcome.ACCEPTED, null, null, "re-wrapped " + report.sealKeys() + " seal and "
                                + report.cseKeys() + " CSE data keys under " + report.kekId() + "; unreadable: "
                                + report.unreadable()))))
                .invoke(report -> LOG.infof("KEK rewrap by %s: %s", actor.name(), report));
    }

    private Uni<Integer> rewrapSeal(KeyCustodyTransaction tx, List<WrappedMaterial<MerchantKeyId>> rows,
                                    List<String> unreadable) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        int count = 0;
        for (WrappedMaterial<MerchantKeyId> row : rows) {
            EncryptedSecret rewrapped;
            try {
                rewrapped = sealEnvelope.rewrap(row.id(), row.material());
            } catch (KeyMaterialIntegrityException e) {
                // a tampered row, or one under a KEK no longer loaded: reported, left as it is
                LOG.warnf("KEK rewrap: seal key %s does not unwrap under any loaded KEK; left unchanged", row.id());
                unreadable.add(row.id().bindingLabel());
                continue;
            }
            count++;
            chain = chain.flatMap(x -> tx.updateSealWrapping(row.id(), rewrapped));
        }
        return chain.replaceWith(count);
    }

    private Uni<Integer> rewrapCse(KeyCustodyTransaction tx, List<WrappedMaterial<CseKeyId>> rows,
                                   List<String> unreadable) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        int count = 0;
        for (WrappedMaterial<CseKeyId> row : rows) {
            EncryptedSecret rewrapped;
            try {
                rewrapped = cseEnvelope.rewrap(row.id(), row.material());
            } catch (CseKeyMaterialIntegrityException e) {
                LOG.warnf("KEK rewrap: CSE key %s does not unwrap under any loaded KEK; left unchanged", row.id());
                unreadable.add(row.id().bindingLabel());
                continue;
            }
            count++;
            chain = chain.flatMap(x -> tx.updateCseWrapping(row.id(), rewrapped));
        }
        return chain.replaceWith(count);
    }
}
