package org.caisse.keymanagement.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caisse.keymanagement.application.CseKeyView;
import org.caisse.keymanagement.domain.KeyLifecycle;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.custody.AuditEntry;
import org.caisse.keymanagement.domain.custody.KeyEvent;
import org.caisse.keymanagement.domain.custody.RevocationApproval;
import org.caisse.keymanagement.domain.custody.SealKeyVersion;
import org.caisse.keymanagement.domain.cse.CseKeyId;

/** The operations available inside one custody transaction ({@link KeyCustodyStore#inTransaction}). */
public interface KeyCustodyTransaction {

    /** Serialises every custody change of this merchant until the transaction ends (version numbers, activation). */
    Uni<Void> lockMerchant(MerchantId merchantId);

    Uni<List<SealKeyVersion>> sealKeys(MerchantId merchantId);

    Uni<Void> insertSealKey(SealKeyVersion version, EncryptedSecret material);

    /** Writes the lifecycle columns; a DESTROYED version loses both ciphertexts. */
    Uni<Void> updateSealKey(SealKeyVersion version);

    /**
     * Marks the version downloaded if it never was (one atomic update) and returns its material; empty when it was
     * already downloaded, or is not REQUESTED/ACTIVE.
     */
    Uni<Optional<EncryptedSecret>> claimDownload(MerchantKeyId id, Instant now);

    Uni<List<CseKeyView>> cseKeys(MerchantId merchantId);

    Uni<Void> insertCseKey(StoredCseKey key);

    Uni<Void> updateCseLifecycle(CseKeyId id, KeyLifecycle lifecycle, Instant now);

    Uni<Void> insertRevocation(RevocationApproval approval);

    /** The approval, locked until the transaction ends. */
    Uni<Optional<RevocationApproval>> findRevocationForUpdate(UUID id);

    Uni<Void> updateRevocation(RevocationApproval approval);

    /** Adds the event to the outbox (published after commit by the relay). */
    Uni<Void> publish(KeyEvent event);

    Uni<Void> audit(AuditEntry entry);

    /** Seal key material not wrapped by KEK {@code kekId} (destroyed versions have none), locked. */
    Uni<List<WrappedMaterial<MerchantKeyId>>> sealMaterialNotWrappedBy(String kekId);

    /** CSE private key material not wrapped by KEK {@code kekId}, locked. */
    Uni<List<WrappedMaterial<CseKeyId>>> cseMaterialNotWrappedBy(String kekId);

    /** Replaces the wrapped data key and KEK id; {@code encryptedSecret} is not written. */
    Uni<Void> updateSealWrapping(MerchantKeyId id, EncryptedSecret rewrapped);

    Uni<Void> updateCseWrapping(CseKeyId id, EncryptedSecret rewrapped);

    /** Key material of one row, with the identity its ciphertexts are bound to. */
    record WrappedMaterial<I>(I id, EncryptedSecret material) {
    }

    /**
     * DEPRECATED versions whose notAfter is after {@code now} and not after {@code notAfterUntil}, served to a
     * service since {@code usedSince}; locked.
     */
    Uni<List<DeprecatedUse>> deprecatedVersionsInUse(Instant now, Instant notAfterUntil, Instant usedSince);

    Uni<Void> markUsageWarned(MerchantKeyId id, Instant now);

    /** A deprecated version still in use, and whether its warning was already raised. */
    record DeprecatedUse(SealKeyVersion version, boolean alreadyWarned) {
    }
}
