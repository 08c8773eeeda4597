package org.caisse.authorization.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.caisse.authorization.application.port.out.CardVault;
import org.caisse.authorization.application.port.out.RevealedCard;
import org.caisse.authorization.application.port.out.VaultEntry;
import org.caisse.authorization.application.port.out.WalletStore;
import org.caisse.authorization.domain.WalletPaymentMean;
import org.caisse.common.card.CardBrand;
import org.caisse.common.card.CardBrands;
import org.jboss.logging.Logger;

/**
 * Sips wallets: a merchant's customers keep cards (vaulted, shown masked) to pay again without typing them. Another
 * merchant's wallet is unknown, never forbidden.
 */
@ApplicationScoped
public class WalletService {

    private static final Logger LOG = Logger.getLogger(WalletService.class);

    private final CardVault vault;
    private final WalletStore store;
    private final Clock clock;

    public WalletService(CardVault vault, WalletStore store, Clock clock) {
        this.vault = vault;
        this.store = store;
        this.clock = clock;
    }

    /** @return the payment mean of that card in the wallet: the existing one when the card is already there */
    public Uni<WalletPaymentMean> addCard(AddCardToWalletCommand command) {
        String brand = chooseBrand(command.cardNumber(), command.paymentMeanBrand());
        VaultEntry card = vault.protect(command.merchantId(), command.cardNumber(), command.cardExpiryDate());
        return store.add(card, command.merchantWalletId(), command.paymentMeanAlias(), brand)
                .invoke(added -> LOG.infof("wallet %s/%s: card %s is payment mean %d", command.merchantId(),
                        command.merchantWalletId(), added.maskedPan(), added.paymentMeanId()));
    }

    /** @return the live payment means by rank; empty when the wallet is unknown, emptied or another merchant's */
    public Uni<List<WalletPaymentMean>> wallet(String merchantId, String merchantWalletId) {
        return store.paymentMeans(merchantId, merchantWalletId);
    }

    public Uni<Optional<WalletPaymentMean>> paymentMean(String merchantId, String merchantWalletId,
                                                        int paymentMeanId) {
        return store.paymentMean(merchantId, merchantWalletId, paymentMeanId);
    }

    /** @return false when the wallet has no such live payment mean */
    public Uni<Boolean> deletePaymentMean(String merchantId, String merchantWalletId, int paymentMeanId) {
        return store.delete(merchantId, merchantWalletId, paymentMeanId, clock.instant())
                .invoke(deleted -> {
                    if (deleted) {
                        LOG.infof("wallet %s/%s: payment mean %d deleted", merchantId, merchantWalletId,
                                paymentMeanId);
                    }
                });
    }

    /**
     * Sips {@code updatePaymentMean}: the customer's name for a payment mean (null clears it); the card is unchanged.
     *
     * @return the payment mean renamed; empty when unknown, deleted or another merchant's
     */
    public Uni<Optional<WalletPaymentMean>> renamePaymentMean(String merchantId, String merchantWalletId,
                                                              int paymentMeanId, String paymentMeanAlias) {
        return store.rename(merchantId, merchantWalletId, paymentMeanId, paymentMeanAlias)
                .invoke(renamed -> renamed.ifPresent(mean -> LOG.infof("wallet %s/%s: payment mean %d renamed",
                        merchantId, merchantWalletId, paymentMeanId)));
    }

    /** Sips {@code signOff}: deletes every payment mean of the wallet. @return false when it had none */
    public Uni<Boolean> signOff(String merchantId, String merchantWalletId) {
        return store.deleteWallet(merchantId, merchantWalletId, clock.instant())
                .map(count -> {
                    if (count > 0) {
                        LOG.infof("wallet %s/%s signed off: %d payment means deleted", merchantId,
                                merchantWalletId, count);
                    }
                    return count > 0;
                });
    }

    /**
     * The card of a wallet's payment mean, decrypted for an authorization ({@code walletOrder}), with the brand
     * chosen when it was added.
     *
     * @param paymentMeanId the Sips value as received (digits); anything else is simply not found
     * @return empty when the wallet, the payment mean or the merchant does not match a live payment mean
     */
    public Uni<Optional<RevealedCard>> revealWalletCard(String merchantId, String merchantWalletId,
                                                        String paymentMeanId) {
        Optional<Integer> rank = parseRank(paymentMeanId);
        if (rank.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return store.paymentMean(merchantId, merchantWalletId, rank.get()).flatMap(found -> found.isEmpty()
                ? Uni.createFrom().item(Optional.<RevealedCard>empty())
                : vault.revealById(merchantId, found.get().cardId()).map(card -> card
                        .map(c -> c.withPaymentMeanBrand(found.get().paymentMeanBrand()))));
    }

    /** A Sips paymentMeanId: 1 to 9 digits, positive. */
    public static Optional<Integer> parseRank(String paymentMeanId) {
        if (paymentMeanId == null || !paymentMeanId.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        int rank = Integer.parseInt(paymentMeanId);
        return rank < 1 ? Optional.empty() : Optional.of(rank);
    }

    /** The requested brand when the card carries it, else the first brand of the card's range (as authorizations). */
    static String chooseBrand(String cardNumber, String requested) {
        List<CardBrand> brands = CardBrands.fromPan(cardNumber);
        if (requested != null) {
            for (CardBrand brand : brands) {
                if (brand.name().equalsIgnoreCase(requested)) {
                    return brand.name();
                }
            }
        }
        return brands.isEmpty() ? requested : brands.get(0).name();
    }
}
