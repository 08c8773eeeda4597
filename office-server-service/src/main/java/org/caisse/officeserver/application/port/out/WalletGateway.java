package org.caisse.officeserver.application.port.out;

import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.domain.wallet.CardToAdd;
import org.caisse.officeserver.domain.wallet.WalletPaymentMean;

/**
 * The customers' wallets (kept by authorization-service's card vault), always read and changed on behalf of ONE
 * merchant: the one authenticated by the seal. Another merchant's wallet is simply not found. Fails with
 * {@link DownstreamUnavailableException} when the wallet store cannot answer.
 */
public interface WalletGateway {

    /** What adding a card gave. */
    sealed interface AddCardOutcome {
    }

    /** The card's payment mean: a new one, or the existing one when the card already was in the wallet. */
    record Added(WalletPaymentMean paymentMean) implements AddCardOutcome {
    }

    /**
     * The wallet store refused a field of the card (for example {@code card.number} failing the Luhn check, or
     * {@code card.expiryDate} in the past), named as the store names it.
     */
    record Refused(String field) implements AddCardOutcome {
    }

    Uni<AddCardOutcome> addCard(String merchantId, String merchantWalletId, CardToAdd card);

    /** The live payment means by rank; empty when the wallet is unknown, emptied or another merchant's. */
    Uni<List<WalletPaymentMean>> paymentMeans(String merchantId, String merchantWalletId);

    /** Empty when unknown, deleted or another merchant's. */
    Uni<Optional<WalletPaymentMean>> paymentMean(String merchantId, String merchantWalletId, String paymentMeanId);

    /** @return false when there was no such live payment mean */
    Uni<Boolean> deletePaymentMean(String merchantId, String merchantWalletId, String paymentMeanId);

    /** Deletes every payment mean of the wallet. @return false when it had none */
    Uni<Boolean> signOff(String merchantId, String merchantWalletId);

    /** @return the payment mean with its new alias; empty when unknown, deleted or another merchant's */
    Uni<Optional<WalletPaymentMean>> updateAlias(String merchantId, String merchantWalletId, String paymentMeanId,
                                                 String paymentMeanAlias);
}
