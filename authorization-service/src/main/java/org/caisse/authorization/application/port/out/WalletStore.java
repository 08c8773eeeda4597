package org.caisse.authorization.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caisse.authorization.domain.WalletPaymentMean;

/** Where wallets live. Every lookup is filtered by merchant; deleted payment means are kept but never returned. */
public interface WalletStore {

    /**
     * In one database transaction, serialized per wallet: stores the card in the vault (idempotent upsert), then
     * returns the wallet's live payment mean for that card if there is one (alias and brand unchanged), else adds
     * it with the next rank.
     */
    Uni<WalletPaymentMean> add(VaultEntry card, String merchantWalletId, String paymentMeanAlias,
                               String paymentMeanBrand);

    /** @return the live payment means of the wallet, by rank; empty for an unknown or emptied wallet */
    Uni<List<WalletPaymentMean>> paymentMeans(String merchantId, String merchantWalletId);

    Uni<Optional<WalletPaymentMean>> paymentMean(String merchantId, String merchantWalletId, int paymentMeanId);

    /** @return false when there was no such live payment mean */
    Uni<Boolean> delete(String merchantId, String merchantWalletId, int paymentMeanId, Instant at);

    /**
     * Sets the alias of a live payment mean (null clears it).
     *
     * @return the payment mean renamed; empty when there is no such live payment mean
     */
    Uni<Optional<WalletPaymentMean>> rename(String merchantId, String merchantWalletId, int paymentMeanId,
                                            String paymentMeanAlias);

    /** @return how many live payment means were deleted (0: unknown or already empty wallet) */
    Uni<Integer> deleteWallet(String merchantId, String merchantWalletId, Instant at);
}
