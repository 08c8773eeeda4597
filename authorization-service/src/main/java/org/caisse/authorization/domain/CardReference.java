package org.caisse.authorization.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Where the card of a transaction is kept in the vault: enough to authorize it again (duplicate, deferred
 * authorization) without the transaction ever holding the card number.
 *
 * @param cardId   the vaulted card's id (one per merchant and card)
 * @param tokenPan the merchant's token for the card (Sips {@code tokenPan})
 */
public record CardReference(UUID cardId, String tokenPan) {
    public CardReference {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(tokenPan, "tokenPan");
    }
}
