package org.caisse.keymanagement.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.caisse.keymanagement.application.port.out.MerchantSecretKeyRepository;
import org.caisse.keymanagement.application.port.out.SecretKeyEnvelope;
import org.caisse.keymanagement.application.port.out.StoredMerchantSecretKey;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyLookup;
import org.caisse.keymanagement.domain.KeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.MerchantSecretKey;
import org.caisse.keymanagement.domain.SecretKeyMaterial;
import org.jboss.logging.Logger;

/**
 * The key custody use cases of this slice: look a key up for seal verification, and import a key version
 * (used to seed the demo merchant; rotation and the download site build on the same pieces).
 */
@ApplicationScoped
public class MerchantKeyService {

    private static final Logger LOG = Logger.getLogger(MerchantKeyService.class);

    /** Outcome of an import. */
    public enum ImportOutcome { IMPORTED, ALREADY_PRESENT }

    private final MerchantSecretKeyRepository repository;
    private final SecretKeyEnvelope envelope;
    private final Clock clock;

    public MerchantKeyService(MerchantSecretKeyRepository repository, SecretKeyEnvelope envelope, Clock clock) {
        this.repository = repository;
        this.envelope = envelope;
        this.clock = clock;
    }

    /**
     * The key of {@code id} if it may verify a seal now. The material is decrypted only for a usable
     * version; a row that fails its integrity check fails the Uni with
     * {@link org.caisse.keymanagement.domain.KeyMaterialIntegrityException}.
     */
    public Uni<KeyLookup> findForVerification(MerchantKeyId id) {
        return findForVerification(id, Optional.empty());
    }

    /**
     * As {@link #findForVerification(MerchantKeyId)}, for a caller serving {@code requestedEnvironment}: a key of
     * another environment is refused ({@link KeyLookup.WrongEnvironment}) before its material is read. A usable
     * key served records its use (for the deprecated-key warnings).
     */
    public Uni<KeyLookup> findForVerification(MerchantKeyId id, Optional<KeyEnvironment> requestedEnvironment) {
        return repository.find(id).map(found -> {
            if (found.isEmpty()) {
                return (KeyLookup) new KeyLookup.Unknown(id);
            }
            StoredMerchantSecretKey stored = found.get();
            if (requestedEnvironment.isPresent() && requestedEnvironment.get() != stored.environment()) {
                return new KeyLookup.WrongEnvironment(id, stored.environment(), requestedEnvironment.get());
            }
            if (stored.lifecycle().status() == org.caisse.keymanagement.domain.KeyStatus.REQUESTED) {
                return new KeyLookup.NotActiveYet(id);
            }
            if (!stored.lifecycle().isUsableForVerificationAt(clock.instant())) {
                return new KeyLookup.NoLongerUsable(id, stored.lifecycle());
            }
            SecretKeyMaterial secret = envelope.open(id, stored.encryptedSecret()
                    .orElseThrow(() -> new KeyMaterialIntegrityException(id)));
            return new KeyLookup.Usable(new MerchantSecretKey(id, stored.environment(), stored.lifecycle(),
                    stored.createdAt(), secret));
        }).call(lookup -> lookup instanceof KeyLookup.Usable
                ? repository.recordUse(id, clock.instant()).onFailure().invoke(e -> LOG.warnf(
                        "Could not record the use of key %s: %s", id, e.getClass().getSimpleName()))
                        .onFailure().recoverWithNull()
                : Uni.createFrom().voidItem());
    }

    /**
     * Imports an existing secret as a new {@code ACTIVE} version, unless that version already exists
     * (idempotent: the existing row is left untouched, whatever its material).
     */
    public Uni<ImportOutcome> importKey(MerchantKeyId id, KeyEnvironment environment, SecretKeyMaterial secret) {
        MerchantSecretKey key = MerchantSecretKey.newActive(id, environment, clock.instant(), secret);
        StoredMerchantSecretKey stored = new StoredMerchantSecretKey(key.id(), key.environment(), key.lifecycle(),
                key.createdAt(), Optional.of(envelope.seal(key.id(), key.secret())));
        return repository.insertIfAbsent(stored).map(inserted -> {
            ImportOutcome outcome = inserted ? ImportOutcome.IMPORTED : ImportOutcome.ALREADY_PRESENT;
            LOG.infof("Key import for merchant %s version %s (%s): %s", id.merchantId(), id.keyVersion(),
                    environment, outcome);
            return outcome;
        });
    }
}
