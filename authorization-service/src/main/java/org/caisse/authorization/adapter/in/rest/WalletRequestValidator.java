package org.caisse.authorization.adapter.in.rest;

import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Pattern;
import org.caisse.authorization.application.AddCardToWalletCommand;
import org.caisse.authorization.application.WalletService;
import org.caisse.common.card.CardBrands;
import org.caisse.common.card.Luhn;

/** Checks the wallet requests, or fails with the first invalid field. Never echoes a value. */
final class WalletRequestValidator {

    /** Sips merchantWalletId: up to 21 characters (as the payment page accepts it), no control characters. */
    static final int WALLET_ID_MAX = 21;
    /** Sips documents no limit for paymentMeanAlias; the platform's. */
    static final int ALIAS_MAX = 64;

    private static final Pattern NO_CONTROL = Pattern.compile("[^\\p{Cntrl}]+");

    private WalletRequestValidator() {
    }

    static String merchantWalletId(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidFieldException("merchantWalletId", "is required");
        }
        if (value.length() > WALLET_ID_MAX || !NO_CONTROL.matcher(value).matches()) {
            throw new InvalidFieldException("merchantWalletId",
                    "must be 1 to " + WALLET_ID_MAX + " characters without control characters");
        }
        return value;
    }

    static int paymentMeanId(String value) {
        return WalletService.parseRank(value).orElseThrow(
                () -> new InvalidFieldException("paymentMeanId", "must be a positive number of at most 9 digits"));
    }

    /** A new alias for a payment mean: 1 to {@link #ALIAS_MAX} characters without control characters, or null. */
    static String alias(WalletAliasRequestBody body) {
        if (body == null) {
            throw new InvalidFieldException("body", "a JSON object is required");
        }
        String alias = body.paymentMeanAlias;
        if (alias != null && (alias.isEmpty() || alias.length() > ALIAS_MAX
                || !NO_CONTROL.matcher(alias).matches())) {
            throw new InvalidFieldException("paymentMeanAlias",
                    "must be 1 to " + ALIAS_MAX + " characters without control characters");
        }
        return alias;
    }

    /**
     * @param currentMonth the month now, in the platform's zone: an expired card is refused
     */
    static AddCardToWalletCommand addCard(String merchantId, String merchantWalletId, WalletCardRequestBody body,
                                          YearMonth currentMonth) {
        String merchant = RequestValidator.merchantId(merchantId);
        String wallet = merchantWalletId(merchantWalletId);
        if (body == null) {
            throw new InvalidFieldException("body", "a JSON object is required");
        }
        if (body.card == null) {
            throw new InvalidFieldException("card", "is required");
        }
        String number = body.card.number;
        if (number == null) {
            throw new InvalidFieldException("card.number", "is required");
        }
        if (!RequestValidator.CARD_NUMBER.matcher(number).matches()) {
            throw new InvalidFieldException("card.number", "must be 12 to 19 digits");
        }
        // the Sips TEST cards carry the response code to simulate in their last digits, not a Luhn check digit
        if (!CardBrands.isTestPrefix(number) && !Luhn.isValid(number)) {
            throw new InvalidFieldException("card.number", "is not a valid card number");
        }
        String expiryText = body.card.expiryDate;
        if (expiryText == null) {
            throw new InvalidFieldException("card.expiryDate", "is required");
        }
        if (!RequestValidator.EXPIRY.matcher(expiryText).matches()) {
            throw new InvalidFieldException("card.expiryDate", "must be yyyyMM");
        }
        YearMonth expiry = YearMonth.of(Integer.parseInt(expiryText.substring(0, 4)),
                Integer.parseInt(expiryText.substring(4)));
        if (expiry.isBefore(currentMonth)) {
            throw new InvalidFieldException("card.expiryDate", "the card has expired");
        }
        String alias = body.paymentMeanAlias;
        if (alias != null && (alias.isEmpty() || alias.length() > ALIAS_MAX
                || !NO_CONTROL.matcher(alias).matches())) {
            throw new InvalidFieldException("paymentMeanAlias",
                    "must be 1 to " + ALIAS_MAX + " characters without control characters");
        }
        String brand = null;
        if (body.paymentMeanBrand != null) {
            if (!RequestValidator.BRAND.matcher(body.paymentMeanBrand).matches()) {
                throw new InvalidFieldException("paymentMeanBrand", "must be a brand name");
            }
            brand = body.paymentMeanBrand.toUpperCase(Locale.ROOT);
        }
        return new AddCardToWalletCommand(merchant, wallet, number, expiry, alias, brand);
    }
}
