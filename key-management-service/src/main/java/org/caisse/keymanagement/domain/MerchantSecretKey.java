package org.caisse.keymanagement.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a merchant's secret seal key, with its clear material. Lives in memory only: at rest the
 * material is envelope-encrypted. {@link #toString()} never shows the material.
 */
public final class MerchantSecretKey {

    private final MerchantKeyId id;
    private final KeyEnvironment environment;
    private final KeyLifecycle lifecycle;
    private final Instant createdAt;
    private final SecretKeyMaterial secret;

    public MerchantSecretKey(MerchantKeyId id, KeyEnvironment environment, KeyLifecycle lifecycle,
                             Instant createdAt, SecretKeyMaterial secret) {
        this.id = Objects.requireNonNull(id, "id");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /** A freshly created or imported version: {@code ACTIVE}, no {@code notAfter}. */
    public static MerchantSecretKey newActive(MerchantKeyId id, KeyEnvironment environment, Instant createdAt,
                                              SecretKeyMaterial secret) {
        return new MerchantSecretKey(id, environment, KeyLifecycle.active(), createdAt, secret);
    }

    public MerchantKeyId id() {
        return id;
    }

    public MerchantId merchantId() {
        return id.merchantId();
    }

    public KeyVersion keyVersion() {
        return id.keyVersion();
    }

    public KeyEnvironment environment() {
        return environment;
    }

    public KeyLifecycle lifecycle() {
        return lifecycle;
    }

    public KeyStatus status() {
        return lifecycle.status();
    }

    public Optional<Instant> notAfter() {
        return lifecycle.notAfter();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public SecretKeyMaterial secret() {
        return secret;
    }

    /** See {@link KeyLifecycle#isUsableForVerificationAt(Instant)}. */
    public boolean isUsableForVerificationAt(Instant now) {
        return lifecycle.isUsableForVerificationAt(now);
    }

    @Override
    public String toString() {
        return "MerchantSecretKey[merchantId=" + id.merchantId() + ", keyVersion=" + id.keyVersion()
                + ", environment=" + environment + ", status=" + lifecycle.status()
                + ", notAfter=" + lifecycle.notAfter().map(Instant::toString).orElse("none")
                + ", createdAt=" + createdAt + ", secret=****]";
    }
}
