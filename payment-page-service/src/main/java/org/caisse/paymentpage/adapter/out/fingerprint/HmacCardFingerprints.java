package org.caisse.paymentpage.adapter.out.fingerprint;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.caisse.paymentpage.application.port.out.CardFingerprints;
import org.caisse.paymentpage.config.PageProtectionConfig;

/**
 * Card fingerprints: HMAC-SHA-256 of the card number under a secret of 32 random bytes read from a file (created,
 * readable by its owner only, when absent). Without the secret, a fingerprint cannot be tied to a card number even
 * by trying every number of a BIN range. Every instance must read the same file for the limit to hold across them.
 */
@ApplicationScoped
public class HmacCardFingerprints implements CardFingerprints {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public HmacCardFingerprints(PageProtectionConfig config) {
        this.key = new SecretKeySpec(readOrCreate(config.cardFingerprintKeyFile()), ALGORITHM);
    }

    @Override
    public String of(String cardNumber) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(cardNumber.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }

    static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, HexFormat.of().formatHex(secret), StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
                    // read below what the other instance wrote
                }
            }
            byte[] secret = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (secret.length < 32) {
                throw new IllegalStateException("card fingerprint secret " + file + " is shorter than 32 bytes");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the card fingerprint secret " + file, e);
        }
    }
}
