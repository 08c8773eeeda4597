package org.caisse.authorization.application.port.out;

import java.util.UUID;

/**
 * A vaulted card does not decrypt: its row was altered or copied to another merchant or card id, or its data key
 * was wrapped under a key-encryption key this service does not hold. The card is never used then.
 */
public class CardVaultIntegrityException extends RuntimeException {

    public CardVaultIntegrityException(UUID cardId, String reason) {
        super("vaulted card " + cardId + " does not decrypt: " + reason, null, false, false);
    }
}
