package org.caisse.keymanagement.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/** Where the key-encryption key (KEK) comes from. */
@ConfigMapping(prefix = "caisse.key-encryption-key")
public interface KeyEncryptionKeyConfig {

    /**
     * File holding the key-encryption key: 32 random bytes, base64. Set to
     * {@code ${caisse.secrets-dir}/kek/key-management-service.kek}; {@code caisse.secrets-dir} defaults to
     * {@code ../.caisse/secrets} and follows {@code CAISSE_SECRETS_DIR}. It must never be in the database.
     */
    Path file();
}
