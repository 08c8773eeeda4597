package org.caisse.authorization.adapter.out.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/** Reads a key file: base64 of exactly 32 random bytes. Errors name the file, never its content. */
final class KeyFiles {

    static final int KEY_BYTES = 32;

    private KeyFiles() {
    }

    static byte[] read(Path file, String what) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the " + what + " file " + file.toAbsolutePath()
                    + " (" + e.getClass().getSimpleName() + "); run deploy/local/secrets.sh or mount it");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The " + what + " file " + file.toAbsolutePath()
                    + " is not valid base64");
        }
        if (raw.length != KEY_BYTES) {
            int length = raw.length;
            Arrays.fill(raw, (byte) 0);
            throw new IllegalStateException("The " + what + " file " + file.toAbsolutePath() + " must hold "
                    + KEY_BYTES + " bytes (base64), found " + length);
        }
        return raw;
    }
}
