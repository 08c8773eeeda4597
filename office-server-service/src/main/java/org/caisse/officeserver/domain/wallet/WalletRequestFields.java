package org.caisse.officeserver.domain.wallet;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.caisse.officeserver.domain.office.FieldFormatException;
import org.caisse.officeserver.domain.office.RequestFields;

/**
 * The fields of the {@code wallet/*} services (SIPS.md §5), read strictly: a bad one is a {@link FieldFormatException}
 * naming it (30). The limits are those of the wallet store (authorization-service), so that a request accepted here is
 * not refused there for its format. A card number is never part of an exception message.
 */
public final class WalletRequestFields {

    /** Sips merchantWalletId: up to 21 characters, as the payment page accepts it. */
    public static final int WALLET_ID_MAX = 21;
    /** Sips documents no limit for paymentMeanAlias; the platform's. */
    public static final int ALIAS_MAX = 64;

    private static final Pattern NO_CONTROL = Pattern.compile("[^\\p{Cntrl}]+");
    private static final Pattern PAYMENT_MEAN_ID = Pattern.compile("[0-9]{1,9}");
    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9]{12,19}");
    private static final Pattern EXPIRY = Pattern.compile("[0-9]{4}(0[1-9]|1[0-2])");
    private static final Pattern BRAND = Pattern.compile("[A-Za-z_]{1,30}");

    private WalletRequestFields() {
    }

    public static String merchantWalletId(RequestFields fields) {
        String wallet = fields.requiredString("merchantWalletId", WALLET_ID_MAX);
        // "." and ".." would be read as path steps by the wallet store's URL
        if (!NO_CONTROL.matcher(wallet).matches() || wallet.equals(".") || wallet.equals("..")) {
            throw new FieldFormatException("merchantWalletId");
        }
        return wallet;
    }

    /** The rank of a payment mean in its wallet: 1 to 9 digits, positive, as a string or a JSON integer. */
    public static String paymentMeanId(RequestFields fields) {
        Object value = fields.raw("paymentMeanId").orElse(null);
        String text = value instanceof Integer || value instanceof Long ? value.toString()
                : value instanceof String s ? s : null;
        if (text == null || !PAYMENT_MEAN_ID.matcher(text).matches() || Long.parseLong(text) < 1) {
            throw new FieldFormatException("paymentMeanId");
        }
        return String.valueOf(Long.parseLong(text));
    }

    /** 12 to 19 digits; the Luhn check is the wallet store's (an invalid number answers 14, not 30). */
    public static String cardNumber(RequestFields fields) {
        if (!(fields.raw("cardNumber").orElse(null) instanceof String number)
                || !CARD_NUMBER.matcher(number).matches()) {
            throw new FieldFormatException("cardNumber");
        }
        return number;
    }

    /** {@code yyyyMM}; whether the card has expired is the wallet store's judgement (54). */
    public static String cardExpiryDate(RequestFields fields) {
        Object value = fields.raw("cardExpiryDate").orElse(null);
        String text = value instanceof Integer ? value.toString() : value instanceof String s ? s : null;
        if (text == null || !EXPIRY.matcher(text).matches()) {
            throw new FieldFormatException("cardExpiryDate");
        }
        return text;
    }

    public static Optional<String> optionalAlias(RequestFields fields) {
        Optional<String> alias = fields.optionalString("paymentMeanAlias", ALIAS_MAX);
        if (alias.isPresent() && !NO_CONTROL.matcher(alias.get()).matches()) {
            throw new FieldFormatException("paymentMeanAlias");
        }
        return alias;
    }

    public static String requiredAlias(RequestFields fields) {
        return optionalAlias(fields).orElseThrow(() -> new FieldFormatException("paymentMeanAlias"));
    }

    public static Optional<String> optionalBrand(RequestFields fields) {
        Optional<String> brand = fields.optionalString("paymentMeanBrand", 30);
        if (brand.isPresent() && !BRAND.matcher(brand.get()).matches()) {
            throw new FieldFormatException("paymentMeanBrand");
        }
        return brand.map(b -> b.toUpperCase(Locale.ROOT));
    }
}
