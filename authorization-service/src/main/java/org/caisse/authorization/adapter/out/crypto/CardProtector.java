package org.caisse.authorization.adapter.out.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.caisse.authorization.application.port.out.VaultEntry;
import org.caisse.common.card.PanMasking;

/** Turns a card number into a {@link VaultEntry} and back: keyed hashes, masks and envelope encryption, no I/O. */
@ApplicationScoped
public class CardProtector {

    private static final Pattern PAN = Pattern.compile("\\d{12,19}");

    private final KeyedCardHashes hashes;
    private final CardEnvelope envelope;

    public CardProtector(KeyedCardHashes hashes, CardEnvelope envelope) {
        this.hashes = hashes;
        this.envelope = envelope;
    }

    public VaultEntry protect(String merchantId, String pan, YearMonth expiry, Instant at) {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(expiry, "expiry");
        if (pan == null || !PAN.matcher(pan).matches()) {
            throw new IllegalArgumentException("a card number is 12 to 19 digits");
        }
        UUID cardId = hashes.cardId(merchantId, pan);
        CardEnvelope.SealedPan sealed = envelope.seal(merchantId, cardId, pan);
        return new VaultEntry(cardId, merchantId, hashes.of(pan), hashes.tokenPan(merchantId, pan),
                pan.substring(0, 6), pan.substring(pan.length() - 4), PanMasking.sipsMaskedPan(pan), expiry,
                sealed.ciphertext(), sealed.wrappedDataKey(), sealed.kekId(), at);
    }

    /** @throws org.caisse.authorization.application.port.out.CardVaultIntegrityException when it does not decrypt */
    public String reveal(String merchantId, UUID cardId, CardEnvelope.SealedPan sealed) {
        return envelope.open(merchantId, cardId, sealed);
    }
}
