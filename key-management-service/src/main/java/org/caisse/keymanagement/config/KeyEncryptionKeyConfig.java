package org.caisse.keymanagement.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the key-encryption keys (KEK) come from. */
@ConfigMapping(prefix = "caisse.key-encryption-key")
public interface KeyEncryptionKeyConfig {

    /**
     * File holding the current key-encryption key (it wraps every new data key): 32 random bytes, base64. Set to
     * {@code ${caisse.secrets-dir}/kek/key-management-service.kek}; {@code caisse.secrets-dir} defaults to
     * {@code ../.caisse/secrets} and follows {@code CAISSE_SECRETS_DIR}. It must never be in the database.
     */
    Path file();

    /**
     * During a KEK rotation, the files of the previous KEKs: they only unwrap, until {@code rewrapAll} has moved
     * every row to the current KEK; then they are removed from here and destroyed.
     */
    Optional<List<Path>> previousFiles();
}
