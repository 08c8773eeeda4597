package org.caisse.keymanagement.domain.custody;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyLifecycle;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.MerchantKeyId;

/**
 * What may be said about a seal key version without its material: lifecycle and dates. Transitions return a
 * {@link Decision}: a new version of the record, or a refusal with its reason; they never throw for a rule.
 */
public record SealKeyVersion(MerchantKeyId id, KeyEnvironment environment, KeyLifecycle lifecycle, Instant createdAt,
                             Optional<Instant> activatedAt, Optional<Instant> downloadedAt,
                             Optional<Instant> deactivatedAt, Optional<Instant> destroyedAt,
                             Optional<Instant> lastUsedAt) {

    public SealKeyVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(activatedAt, "activatedAt");
        Objects.requireNonNull(downloadedAt, "downloadedAt");
        Objects.requireNonNull(deactivatedAt, "deactivatedAt");
        Objects.requireNonNull(destroyedAt, "destroyedAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    /** A freshly generated version, waiting for download and activation. */
    public static SealKeyVersion requested(MerchantKeyId id, KeyEnvironment environment, Instant now) {
        return new SealKeyVersion(id, environment, KeyLifecycle.requested(), now, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public MerchantId merchantId() {
        return id.merchantId();
    }

    public KeyVersion keyVersion() {
        return id.keyVersion();
    }

    public KeyStatus status() {
        return lifecycle.status();
    }

    public Optional<Instant> notAfter() {
        return lifecycle.notAfter();
    }

    public boolean isDownloaded() {
        return downloadedAt.isPresent();
    }

    /** Counts as a live signing key: ACTIVE and not past a notAfter. */
    public boolean isActiveAt(Instant now) {
        return status() == KeyStatus.ACTIVE && lifecycle.isUsableForVerificationAt(now);
    }

    /**
     * The merchant takes the secret: once, while the version is REQUESTED or ACTIVE (a version rotated by
     * support is active before its merchant downloads it).
     */
    public Decision<SealKeyVersion> download(Instant now) {
        if (isDownloaded()) {
            return Decision.refuse(RefusalReason.ALREADY_DOWNLOADED,
                    "Key version " + keyVersion() + " was already downloaded; it is never shown again");
        }
        if (status() != KeyStatus.REQUESTED && status() != KeyStatus.ACTIVE) {
            return refusedFrom("downloaded");
        }
        return Decision.accept(with(lifecycle, activatedAt, Optional.of(now), deactivatedAt, destroyedAt));
    }

    /** REQUESTED → ACTIVE; unless {@code evenIfNotDownloaded}, only once the merchant holds the secret. */
    public Decision<SealKeyVersion> activate(Instant now, boolean evenIfNotDownloaded) {
        if (status() != KeyStatus.REQUESTED) {
            return refusedFrom("activated");
        }
        if (!evenIfNotDownloaded && !isDownloaded()) {
            return Decision.refuse(RefusalReason.NOT_DOWNLOADED,
                    "Key version " + keyVersion() + " must be downloaded before it is activated");
        }
        return Decision.accept(with(KeyLifecycle.active(), Optional.of(now), downloadedAt, deactivatedAt,
                destroyedAt));
    }

    /** ACTIVE → DEPRECATED, verifying until {@code notAfter}. */
    public Decision<SealKeyVersion> deprecate(Instant notAfter) {
        if (status() != KeyStatus.ACTIVE) {
            return refusedFrom("deprecated");
        }
        return Decision.accept(with(KeyLifecycle.of(KeyStatus.DEPRECATED, notAfter), activatedAt, downloadedAt,
                deactivatedAt, destroyedAt));
    }

    /** REQUESTED, ACTIVE or DEPRECATED → DEACTIVATED (the last-active rule is the key ring's). */
    public Decision<SealKeyVersion> deactivate(Instant now) {
        if (status() == KeyStatus.DEACTIVATED || status() == KeyStatus.DESTROYED) {
            return refusedFrom("deactivated");
        }
        return Decision.accept(with(KeyLifecycle.of(KeyStatus.DEACTIVATED, lifecycle.notAfter().orElse(null)),
                activatedAt, downloadedAt, Optional.of(now), destroyedAt));
    }

    /** DEACTIVATED → DESTROYED: the material goes, the metadata stays. */
    public Decision<SealKeyVersion> destroy(Instant now) {
        if (status() != KeyStatus.DEACTIVATED) {
            return refusedFrom("destroyed (deactivate it first)");
        }
        return Decision.accept(with(KeyLifecycle.of(KeyStatus.DESTROYED, lifecycle.notAfter().orElse(null)),
                activatedAt, downloadedAt, deactivatedAt, Optional.of(now)));
    }

    private Decision<SealKeyVersion> refusedFrom(String what) {
        return Decision.refuse(RefusalReason.WRONG_STATUS,
                "Key version " + keyVersion() + " is " + status() + " and cannot be " + what);
    }

    private SealKeyVersion with(KeyLifecycle newLifecycle, Optional<Instant> newActivatedAt,
                                Optional<Instant> newDownloadedAt, Optional<Instant> newDeactivatedAt,
                                Optional<Instant> newDestroyedAt) {
        return new SealKeyVersion(id, environment, newLifecycle, createdAt, newActivatedAt, newDownloadedAt,
                newDeactivatedAt, newDestroyedAt, lastUsedAt);
    }
}
