package org.caisse.authorization.application;

import java.time.YearMonth;
import org.caisse.common.card.PanMasking;

/** Where the card of an authorization comes from. No {@code toString} shows a card number or CSC. */
public sealed interface CardSource {

    /** Card data typed by the shopper (payment page) or sent by the merchant (Office cardOrder). */
    record Clear(String number, YearMonth expiry, String csc) implements CardSource {
        @Override
        public String toString() {
            return "Clear[" + PanMasking.sipsMaskedPan(number) + "]";
        }
    }

    /** The merchant's token of a card already in the vault (Sips {@code tokenPan}). */
    record Token(String tokenPan, String csc) implements CardSource {
        @Override
        public String toString() {
            return "Token[" + tokenPan + "]";
        }
    }

    /** A card of the merchant's wallet (Sips walletOrder). */
    record Wallet(String merchantWalletId, String paymentMeanId, String csc) implements CardSource {
        @Override
        public String toString() {
            return "Wallet[" + merchantWalletId + "/" + paymentMeanId + "]";
        }
    }

    /** The card of an earlier transaction (Sips duplicate), of this merchant or one of its own shops. */
    record FromTransaction(String merchantId, String transactionReference) implements CardSource {
    }

    /** Card data encrypted in the shopper's browser with the merchant's CSE public key (a compact JWE). */
    record Encrypted(String encryptedCardData) implements CardSource {
        @Override
        public String toString() {
            return "Encrypted[" + encryptedCardData.length() + " characters]";
        }
    }
}
