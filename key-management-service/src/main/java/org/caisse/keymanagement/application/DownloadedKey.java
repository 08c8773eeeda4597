package org.caisse.keymanagement.application;

import java.util.Objects;
import org.caisse.keymanagement.domain.SecretKeyMaterial;
import org.caisse.keymanagement.domain.custody.SealKeyVersion;

/**
 * The one time a person sees a secret: the version (metadata) and its material. {@code toString} hides the
 * secret ({@link SecretKeyMaterial}).
 */
public record DownloadedKey(SealKeyVersion version, SecretKeyMaterial secret) {

    public DownloadedKey {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(secret, "secret");
    }
}
