package org.caisse.keymanagement.domain.custody;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.MerchantKeyId;

/**
 * Every seal key version of one merchant, and the rules that span versions: which number comes next, what else
 * moves when a version is activated, and that a merchant keeps a live key unless an emergency says otherwise.
 * Accepted decisions carry the versions that changed (never the unchanged ones).
 */
public final class MerchantKeyRing {

    private final MerchantId merchantId;
    private final List<SealKeyVersion> versions;

    public MerchantKeyRing(MerchantId merchantId, List<SealKeyVersion> versions) {
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        for (SealKeyVersion version : versions) {
            if (!version.merchantId().equals(merchantId)) {
                throw new IllegalArgumentException("A key ring holds one merchant's versions");
            }
        }
        this.versions = versions.stream().sorted(Comparator.comparing(SealKeyVersion::keyVersion)).toList();
    }

    public MerchantId merchantId() {
        return merchantId;
    }

    public List<SealKeyVersion> versions() {
        return versions;
    }

    public Optional<SealKeyVersion> find(KeyVersion version) {
        return versions.stream().filter(v -> v.keyVersion().equals(version)).findFirst();
    }

    /** max + 1 over every version of the merchant (any environment, any status): numbers are never reused. */
    public KeyVersion nextVersion() {
        return versions.isEmpty() ? KeyVersion.of(1) : versions.getLast().keyVersion().next();
    }

    public SealKeyVersion request(KeyEnvironment environment, Instant now) {
        return SealKeyVersion.requested(new MerchantKeyId(merchantId, nextVersion()), environment, now);
    }

    /** The merchant takes the secret of {@code version}, once. */
    public Decision<SealKeyVersion> download(KeyVersion version, Instant now) {
        return existing(version).flatMap(v -> v.download(now));
    }

    /**
     * Activates {@code version}; every other ACTIVE version of the same environment becomes DEPRECATED until
     * {@code now + overlap}. The activated version comes first in the accepted list.
     */
    public Decision<List<SealKeyVersion>> activate(KeyVersion version, Duration overlap, Instant now,
                                                   boolean evenIfNotDownloaded) {
        return existing(version).flatMap(target -> target.activate(now, evenIfNotDownloaded)).map(activated -> {
            List<SealKeyVersion> changed = new ArrayList<>();
            changed.add(activated);
            Instant notAfter = now.plus(overlap);
            for (SealKeyVersion other : versions) {
                if (!other.keyVersion().equals(version) && other.environment() == activated.environment()
                        && other.status() == org.caisse.keymanagement.domain.KeyStatus.ACTIVE) {
                    // an ACTIVE version always deprecates
                    changed.add(((Decision.Accepted<SealKeyVersion>) other.deprecate(notAfter)).value());
                }
            }
            return List.copyOf(changed);
        });
    }

    /**
     * Deactivates {@code version}. Outside an emergency, the last live ACTIVE version of its environment stays:
     * the merchant would be left unable to seal.
     */
    public Decision<SealKeyVersion> deactivate(KeyVersion version, Instant now, boolean emergency) {
        return existing(version).flatMap(target -> {
            if (!emergency && target.isActiveAt(now) && activeCount(target.environment(), now) == 1) {
                return Decision.refuse(RefusalReason.LAST_ACTIVE_KEY, "Key version " + version
                        + " is the last active " + target.environment() + " key of merchant " + merchantId
                        + "; activate another one first, or revoke it as an emergency");
            }
            return target.deactivate(now);
        });
    }

    public Decision<SealKeyVersion> destroy(KeyVersion version, Instant now) {
        return existing(version).flatMap(target -> target.destroy(now));
    }

    private long activeCount(KeyEnvironment environment, Instant now) {
        return versions.stream().filter(v -> v.environment() == environment && v.isActiveAt(now)).count();
    }

    private Decision<SealKeyVersion> existing(KeyVersion version) {
        return find(version).<Decision<SealKeyVersion>>map(Decision::accept).orElseGet(() -> Decision.refuse(
                RefusalReason.UNKNOWN_KEY, "Merchant " + merchantId + " has no key version " + version));
    }
}
