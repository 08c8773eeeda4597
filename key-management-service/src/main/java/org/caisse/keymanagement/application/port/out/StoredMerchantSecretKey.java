package org.caisse.keymanagement.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyLifecycle;
import org.caisse.keymanagement.domain.MerchantKeyId;

/**
 * A merchant secret key as the repository holds it: metadata in clear, material encrypted. The material is
 * absent only for a destroyed version.
 */
public record StoredMerchantSecretKey(MerchantKeyId id, KeyEnvironment environment, KeyLifecycle lifecycle,
                                      Instant createdAt, Optional<EncryptedSecret> encryptedSecret) {

    public StoredMerchantSecretKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(encryptedSecret, "encryptedSecret");
    }
}
