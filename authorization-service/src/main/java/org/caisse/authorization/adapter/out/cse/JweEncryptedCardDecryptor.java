package org.caisse.authorization.adapter.out.cse;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.jwk.ECKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.caisse.authorization.application.port.out.CardDecryptionException;
import org.caisse.authorization.application.port.out.CardDecryptionException.Reason;
import org.caisse.authorization.application.port.out.DecryptedCard;
import org.caisse.authorization.application.port.out.EncryptedCardDecryptor;
import org.caisse.authorization.config.CseDecryptionConfig;

/**
 * {@link EncryptedCardDecryptor} for compact JWEs of the {@link CseJweProfile}: the header is checked first (no key
 * is looked up for a JWE outside the profile or naming another merchant's key), then the merchant's private key
 * decrypts it (Nimbus JOSE, which also checks that the sender's ephemeral key is on P-256), then the content and its
 * generation time are checked ({@link CardDataPayload}).
 */
@ApplicationScoped
public class JweEncryptedCardDecryptor implements EncryptedCardDecryptor {

    private final CsePrivateKeySource keys;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxClockSkew;

    @Inject
    public JweEncryptedCardDecryptor(CsePrivateKeySource keys, Clock clock, CseDecryptionConfig config) {
        this(keys, clock, config.maxAge(), config.maxClockSkew());
    }

    public JweEncryptedCardDecryptor(CsePrivateKeySource keys, Clock clock, Duration maxAge, Duration maxClockSkew) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    }

    @Override
    public Uni<DecryptedCard> decrypt(String merchantId, String encryptedCardData) {
        JWEObject jwe;
        try {
            jwe = CseJweProfile.parse(merchantId, encryptedCardData);
        } catch (CardDecryptionException e) {
            return Uni.createFrom().failure(e);
        }
        return keys.privateKey(merchantId, jwe.getHeader().getKeyID()).map(key -> open(jwe, key));
    }

    private DecryptedCard open(JWEObject jwe, ECKey key) {
        try {
            jwe.decrypt(new ECDHDecrypter(key));
        } catch (JOSEException | RuntimeException e) {
            // No cause kept: the library's message is not ours to vouch for.
            throw new CardDecryptionException(Reason.DECRYPTION_FAILED,
                    "the JWE does not decrypt with key " + jwe.getHeader().getKeyID());
        }
        byte[] plaintext = jwe.getPayload().toBytes();
        CardDataPayload payload;
        try {
            payload = CardDataPayload.parse(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        checkGenerationTime(payload.generationTime());
        return payload.card();
    }

    private void checkGenerationTime(Instant generationTime) {
        Instant now = clock.instant();
        if (generationTime.isBefore(now.minus(maxAge))) {
            throw new CardDecryptionException(Reason.STALE, "generationTime " + generationTime
                    + " is older than " + maxAge);
        }
        if (generationTime.isAfter(now.plus(maxClockSkew))) {
            throw new CardDecryptionException(Reason.STALE, "generationTime " + generationTime
                    + " is more than " + maxClockSkew + " in the future");
        }
    }
}
