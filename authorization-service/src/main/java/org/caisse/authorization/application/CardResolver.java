package org.caisse.authorization.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.caisse.authorization.application.port.out.CardDecryptionException;
import org.caisse.authorization.application.port.out.CardVault;
import org.caisse.authorization.application.port.out.EncryptedCardDecryptor;
import org.caisse.authorization.application.port.out.RevealedCard;
import org.caisse.authorization.application.port.out.TransactionStore;
import org.caisse.authorization.domain.ResponseCodes;

/**
 * Turns a card source into card data for the acquirer: clear data as is, tokens and wallet cards from the vault, a
 * duplicate's card from its source transaction's vaulted card. Unknown token or wallet card → 14; unknown source
 * transaction, or one without a vaulted card → 25; another merchant's transaction not allowed → 40.
 */
@ApplicationScoped
public class CardResolver {

    private final CardVault vault;
    private final WalletService wallets;
    private final TransactionStore transactions;
    private final EncryptedCardDecryptor decryptor;

    public CardResolver(CardVault vault, WalletService wallets, TransactionStore transactions,
                        EncryptedCardDecryptor decryptor) {
        this.decryptor = decryptor;
        this.vault = vault;
        this.wallets = wallets;
        this.transactions = transactions;
    }

    /** @param duplicateSourceAllowed whether {@code merchantId} may use a card of the source's merchant */
    public Uni<ResolvedCard> resolve(String merchantId, CardSource source, boolean duplicateSourceAllowed) {
        return switch (source) {
            case CardSource.Clear clear -> Uni.createFrom().item(
                    new ResolvedCard(clear.number(), clear.expiry(), clear.csc(), null));
            case CardSource.Token token -> vault.revealByToken(merchantId, token.tokenPan())
                    .map(found -> revealed(found, token.csc(), ResponseCodes.code("14"), "unknown token"));
            case CardSource.Wallet wallet -> wallets.revealWalletCard(merchantId, wallet.merchantWalletId(),
                            wallet.paymentMeanId())
                    .map(found -> revealed(found, wallet.csc(), ResponseCodes.code("14"), "unknown wallet card"));
            case CardSource.FromTransaction from -> fromTransaction(merchantId, from, duplicateSourceAllowed);
            case CardSource.Encrypted encrypted -> decryptor.decrypt(merchantId, encrypted.encryptedCardData())
                    .map(card -> new ResolvedCard(card.pan(), card.expiry(), card.csc(), null))
                    .onFailure(CardDecryptionException.class).transform(failure -> new CardUnusableException(
                            codeFor(((CardDecryptionException) failure).reason()), "encrypted card data unusable: "
                            + ((CardDecryptionException) failure).reason()));
        };
    }

    /**
     * Sips codes for unusable encrypted card data: a malformed blob is a format error (30); an unknown, unusable or
     * wrong key or a tampered blob is a fraud suspicion (34), as a wrong seal is; an old blob is an invalid request
     * (12); the key service down is 90.
     */
    static org.caisse.common.sips.ResponseCode codeFor(CardDecryptionException.Reason reason) {
        return ResponseCodes.code(switch (reason) {
            case MALFORMED, INVALID_CONTENT -> "30";
            case UNKNOWN_KEY, KEY_NOT_USABLE, DECRYPTION_FAILED -> "34";
            case STALE -> "12";
            case KEY_SERVICE_UNAVAILABLE -> "90";
        });
    }

    private Uni<ResolvedCard> fromTransaction(String merchantId, CardSource.FromTransaction from, boolean allowed) {
        if (!from.merchantId().equals(merchantId) && !allowed) {
            return Uni.createFrom().failure(new CardUnusableException(ResponseCodes.FUNCTION_NOT_ALLOWED,
                    "duplicating another merchant's transaction is not allowed"));
        }
        return transactions.find(from.merchantId(), from.transactionReference()).flatMap(found -> {
            if (found.isEmpty() || found.get().transaction().cardReference() == null) {
                return Uni.createFrom().failure(new CardUnusableException(ResponseCodes.UNKNOWN_TRANSACTION,
                        "unknown source transaction"));
            }
            return vault.revealById(from.merchantId(), found.get().transaction().cardReference().cardId())
                    .map(card -> revealed(card, null, ResponseCodes.UNKNOWN_TRANSACTION, "source card not in vault"));
        });
    }

    private static ResolvedCard revealed(Optional<RevealedCard> found, String csc,
                                         org.caisse.common.sips.ResponseCode missing, String reason) {
        RevealedCard card = found.orElseThrow(() -> new CardUnusableException(missing, reason));
        return new ResolvedCard(card.pan(), card.expiry(), csc, card.paymentMeanBrand());
    }
}
