package org.caisse.authorization.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.caisse.authorization.application.port.out.CardVault;
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

    public CardResolver(CardVault vault, WalletService wallets, TransactionStore transactions) {
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
        };
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
