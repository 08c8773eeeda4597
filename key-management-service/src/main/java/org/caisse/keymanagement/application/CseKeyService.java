package org.caisse.keymanagement.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caisse.keymanagement.application.port.out.CseKeyPairGenerator;
import org.caisse.keymanagement.application.port.out.CseKeyPairGenerator.GeneratedCseKeyPair;
import org.caisse.keymanagement.application.port.out.CseKeyRepository;
import org.caisse.keymanagement.application.port.out.CsePrivateKeyEnvelope;
import org.caisse.keymanagement.application.port.out.StoredCseKey;
import org.caisse.keymanagement.domain.KeyLifecycle;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.cse.CseKeyId;
import org.caisse.keymanagement.domain.cse.CseKeyLookup;
import org.caisse.keymanagement.domain.cse.CseKeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.cse.CseKeyPair;
import org.caisse.keymanagement.domain.cse.CsePrivateJwk;
import org.caisse.keymanagement.domain.cse.CsePublicKey;
import org.jboss.logging.Logger;

/**
 * Client-side-encryption key pairs: generate one for a merchant, publish the public keys shops encrypt with, and
 * hand a private key to the service that decrypts card data. Rotation and deactivation come later and only move
 * the lifecycle columns.
 */
@ApplicationScoped
public class CseKeyService {

    private static final Logger LOG = Logger.getLogger(CseKeyService.class);

    private final CseKeyRepository repository;
    private final CseKeyPairGenerator generator;
    private final CsePrivateKeyEnvelope envelope;
    private final Clock clock;

    public CseKeyService(CseKeyRepository repository, CseKeyPairGenerator generator, CsePrivateKeyEnvelope envelope,
                         Clock clock) {
        this.repository = repository;
        this.generator = generator;
        this.envelope = envelope;
        this.clock = clock;
    }

    /** A new {@code ACTIVE} pair for the merchant, with a fresh kid; the merchant's other pairs are unchanged. */
    public Uni<CsePublicKey> generate(MerchantId merchantId) {
        CseKeyId id = CseKeyId.newFor(merchantId);
        return create(id).map(created -> created.orElseThrow(
                () -> new IllegalStateException("A freshly drawn kid already exists: " + id)));
    }

    /**
     * Creates the pair {@code id} unless that kid exists (idempotent: the demo merchant's key at every start).
     *
     * @return the new public key, or empty when the kid was already there
     */
    public Uni<Optional<CsePublicKey>> createIfAbsent(CseKeyId id) {
        return create(id);
    }

    /** The public keys a shop of this merchant should encrypt with now, newest first (empty for an unknown merchant). */
    public Uni<List<CsePublicKey>> keysOfferedForEncryption(MerchantId merchantId) {
        return repository.findPublicByMerchant(merchantId).map(stored -> {
            Instant now = clock.instant();
            return stored.stream().map(StoredCseKey::publicKey).filter(key -> key.isOfferedForEncryptionAt(now))
                    .toList();
        });
    }

    /**
     * The pair {@code id} with its private key, if it may decrypt now. The private key is decrypted only for a
     * usable pair, and must be the private half of the stored public key; otherwise the Uni fails with
     * {@link CseKeyMaterialIntegrityException}.
     */
    public Uni<CseKeyLookup> findForDecryption(CseKeyId id) {
        return repository.find(id).map(found -> {
            if (found.isEmpty()) {
                return new CseKeyLookup.Unknown(id);
            }
            StoredCseKey stored = found.get();
            CsePublicKey publicKey = stored.publicKey();
            if (!publicKey.isUsableForDecryptionAt(clock.instant())) {
                return new CseKeyLookup.NoLongerUsable(id, publicKey.lifecycle());
            }
            CsePrivateJwk privateJwk = envelope.open(id, stored.encryptedPrivateKey()
                    .orElseThrow(() -> new CseKeyMaterialIntegrityException(id)));
            if (!generator.isPairOf(id, publicKey.publicJwk(), privateJwk)) {
                throw new CseKeyMaterialIntegrityException(id);
            }
            return new CseKeyLookup.Usable(new CseKeyPair(publicKey, privateJwk));
        });
    }

    private Uni<Optional<CsePublicKey>> create(CseKeyId id) {
        return Uni.createFrom().item(() -> {
            GeneratedCseKeyPair pair = generator.generate(id);
            CsePublicKey publicKey = new CsePublicKey(id, KeyLifecycle.active(), clock.instant(), pair.publicJwk());
            return new StoredCseKey(publicKey, Optional.of(envelope.seal(id, pair.privateJwk())));
        }).flatMap(stored -> repository.insertIfAbsent(stored).map(inserted -> {
            LOG.infof("CSE key pair %s for merchant %s: %s", id.kid(), id.merchantId(),
                    inserted ? "created" : "already present");
            return inserted ? Optional.of(stored.publicKey()) : Optional.<CsePublicKey>empty();
        }));
    }
}
