package org.caisse.authorization.adapter.in.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.caisse.authorization.application.AuthorizeCommand;
import org.caisse.authorization.application.CardSource;
import org.caisse.authorization.application.CashOperation;
import org.caisse.authorization.application.OperationCommand;
import org.caisse.authorization.domain.CaptureMode;
import org.caisse.authorization.domain.NotificationContext;
import org.caisse.authorization.domain.ShopData;
import org.caisse.authorization.domain.Transaction;
import org.caisse.common.money.CurrencyUnit;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.Money;

/** Turns request bodies into commands, or fails with the first invalid field. Never echoes a value. */
final class RequestValidator {

    static final Pattern MERCHANT_ID = Pattern.compile("\\d{15}");
    static final Pattern TRANSACTION_REFERENCE = Pattern.compile("[A-Za-z0-9]{1,35}");
    static final Pattern CARD_NUMBER = Pattern.compile("\\d{12,19}");
    static final Pattern EXPIRY = Pattern.compile("\\d{4}(0[1-9]|1[0-2])");
    static final Pattern CSC = Pattern.compile("\\d{3,4}");
    static final Pattern BRAND = Pattern.compile("[A-Za-z_]{1,30}");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    static final Pattern AUTHORISATION_ID = Pattern.compile("[A-Za-z0-9]{1,10}");
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{1,32}");
    static final Pattern WALLET_ID = Pattern.compile("[^\\p{Cntrl}]{1,21}");
    static final Pattern PAYMENT_MEAN_ID = Pattern.compile("[1-9]\\d{0,8}");
    static final Pattern OPERATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final Set<String> ORDER_CHANNELS = Set.of("INTERNET", "MOTO", "INAPP", "MAIL_ORDER", "TELEPHONE_ORDER");
    static final Set<String> PAYMENT_PATTERNS = Set.of("ONE_SHOT", "RECURRING_1", "RECURRING_N", "INSTALMENT");
    /** Sips documents no limit; the platform's one for every entry (payment page, Office Server). */
    static final int STATEMENT_REFERENCE_MAX = 255;
    static final Set<String> SEAL_ALGORITHMS = Set.of("HMAC-SHA-256", "SHA-256");

    private RequestValidator() {
    }

    static AuthorizeCommand authorization(AuthorizationRequestBody body) {
        if (body == null) {
            throw new InvalidFieldException("body", "a JSON object is required");
        }
        return authorization(body, () -> cardSource(body.card));
    }

    private static AuthorizeCommand authorization(AuthorizationRequestBody body,
                                                  java.util.function.Supplier<CardSource> cardSource) {
        String merchantId = merchantId(body.merchantId);
        String reference = transactionReference(body.transactionReference);
        long amount = positiveLong("amount", body.amount);
        CurrencyUnit currency = currency(body.currencyCode);
        CaptureMode captureMode = captureMode(body.captureMode);
        int captureDay = body.captureDay == null ? 0 : (int) boundedLong("captureDay", body.captureDay, 0,
                Transaction.MAX_CAPTURE_DAY);
        String orderChannel = body.orderChannel == null ? "INTERNET" : oneOf("orderChannel", body.orderChannel,
                ORDER_CHANNELS);
        CardSource card = cardSource.get();
        String brand = body.paymentMeanBrand == null ? null
                : matching("paymentMeanBrand", body.paymentMeanBrand, BRAND, "must be a brand name")
                .toUpperCase(Locale.ROOT);
        ShopData shop = new ShopData(
                text("orderId", body.orderId, 128),
                text("returnContext", body.returnContext, 512),
                text("customerId", body.customerId, 64),
                text("customerEmail", body.customerEmail, 256),
                text("customerIpAddress", body.customerIpAddress, 64),
                text("statementReference", body.statementReference, STATEMENT_REFERENCE_MAX),
                text("transactionOrigin", body.transactionOrigin, 64),
                body.paymentPattern == null ? null : oneOf("paymentPattern", body.paymentPattern, PAYMENT_PATTERNS),
                body.customerLanguage == null ? null
                        : matching("customerLanguage", body.customerLanguage, LANGUAGE, "must be ISO 639-1"));
        return new AuthorizeCommand(merchantId, reference, amount, currency, captureMode, captureDay, orderChannel,
                card, brand, shop, notification(body.notification), threeDSecure(body.threeDSecure, orderChannel));
    }

    /**
     * A duplicate: the body of an authorization without {@code card}, with {@code fromTransactionReference} (and
     * {@code fromMerchantId} when the source is another of the merchant's shops).
     */
    static AuthorizeCommand duplicate(AuthorizationRequestBody body) {
        if (body == null) {
            throw new InvalidFieldException("body", "a JSON object is required");
        }
        if (body.card != null) {
            throw new InvalidFieldException("card", "must be absent: a duplicate uses the source transaction's card");
        }
        String fromMerchant = body.fromMerchantId == null ? merchantId(body.merchantId)
                : matching("fromMerchantId", body.fromMerchantId, MERCHANT_ID, "must be 15 digits");
        String fromReference = matching("fromTransactionReference", body.fromTransactionReference,
                TRANSACTION_REFERENCE, "must be 1 to 35 letters or digits");
        return authorization(body, () -> new CardSource.FromTransaction(fromMerchant, fromReference));
    }

    /** 3-D Secure runs when the caller can challenge the shopper ({@code challengeCapable}) on a channel that allows it. */
    private static boolean threeDSecure(AuthorizationRequestBody.ThreeDSecure value, String orderChannel) {
        return value != null && Boolean.TRUE.equals(value.challengeCapable)
                && org.caisse.authorization.domain.threeds.ThreeDSecurePolicy.channelCanChallenge(orderChannel);
    }

    /** Exactly one of: a card number (with expiry), a token, a wallet card. */
    private static CardSource cardSource(AuthorizationRequestBody.Card card) {
        if (card == null) {
            throw new InvalidFieldException("card", "is required");
        }
        int given = (card.number != null ? 1 : 0) + (card.tokenPan != null ? 1 : 0)
                + (card.encryptedCardData != null ? 1 : 0)
                + (card.merchantWalletId != null || card.paymentMeanId != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidFieldException("card",
                    "needs exactly one of number, encryptedCardData, tokenPan, merchantWalletId");
        }
        if (card.encryptedCardData != null) {
            if (card.encryptedCardData.isEmpty() || card.encryptedCardData.length() > 4096) {
                throw new InvalidFieldException("card.encryptedCardData", "must be a compact JWE of at most 4096 characters");
            }
            return new CardSource.Encrypted(card.encryptedCardData);
        }
        String csc = card.cscValue == null ? null
                : matching("card.cscValue", card.cscValue, CSC, "must be 3 or 4 digits");
        if (card.tokenPan != null) {
            return new CardSource.Token(matching("card.tokenPan", card.tokenPan, TOKEN, "must be a token"), csc);
        }
        if (card.number == null) {
            return new CardSource.Wallet(
                    matching("card.merchantWalletId", card.merchantWalletId, WALLET_ID, "must be 1 to 21 characters"),
                    matching("card.paymentMeanId", card.paymentMeanId, PAYMENT_MEAN_ID, "must be 1 to 9 digits"),
                    csc);
        }
        String number = matching("card.number", card.number, CARD_NUMBER, "must be 12 to 19 digits");
        String expiry = matching("card.expiryDate", card.expiryDate, EXPIRY, "must be yyyyMM");
        return new CardSource.Clear(number, YearMonth.of(Integer.parseInt(expiry.substring(0, 4)),
                Integer.parseInt(expiry.substring(4))), csc);
    }

    /** A cash operation; {@code force} needs an authorisationId and no amount, the others an amount. */
    static OperationCommand operation(CashOperation operation, String merchantId, String transactionReference,
                                      OperationRequestBody body) {
        String merchant = merchantId(merchantId);
        String reference = transactionReference(transactionReference);
        if (body == null) {
            throw new InvalidFieldException("body", "a JSON object is required");
        }
        String operationId = matching("operationId", body.operationId, OPERATION_ID,
                "must be 1 to 64 letters, digits or . _ : -");
        Money amount = null;
        String authorisationId = null;
        if (operation == CashOperation.FORCE_REFERRAL) {
            authorisationId = matching("authorisationId", body.authorisationId, AUTHORISATION_ID,
                    "must be 1 to 10 letters or digits");
        } else {
            long value = boundedLong("amount", body.amount, Long.MIN_VALUE, Long.MAX_VALUE);
            amount = new Money(value, currency(body.currencyCode));
        }
        return new OperationCommand(merchant, reference, operationId, null, operation, amount, authorisationId,
                text("operationOrigin", body.operationOrigin, 64));
    }

    static String merchantId(String value) {
        return matching("merchantId", value, MERCHANT_ID, "must be 15 digits");
    }

    static String transactionReference(String value) {
        return matching("transactionReference", value, TRANSACTION_REFERENCE, "must be 1 to 35 letters or digits");
    }

    private static NotificationContext notification(AuthorizationRequestBody.Notification n) {
        if (n == null) {
            return null;
        }
        String url = text("notification.automaticResponseUrl", n.automaticResponseUrl, 512);
        if (url != null && !isHttpUrl(url)) {
            throw new InvalidFieldException("notification.automaticResponseUrl",
                    "must be an absolute http(s) URL with a host and no user-info");
        }
        if (n.keyVersion != null && n.keyVersion < 1) {
            throw new InvalidFieldException("notification.keyVersion", "must be a positive integer");
        }
        String algorithm = n.sealAlgorithm == null ? null
                : oneOf("notification.sealAlgorithm", n.sealAlgorithm, SEAL_ALGORITHMS);
        String encoding = n.responseEncoding == null ? null
                : oneOf("notification.responseEncoding", n.responseEncoding, Set.of("base64"));
        return new NotificationContext(url, n.keyVersion, algorithm, encoding,
                text("notification.interfaceVersion", n.interfaceVersion, 20));
    }

    /**
     * An absolute {@code http}/{@code https} URL (scheme in any case, as the payment page's {@code UrlAllowList}
     * accepts it) with a host and without user-info; spaces, control characters and backslashes are refused.
     */
    static boolean isHttpUrl(String url) {
        if (url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '\\')) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.indexOf('@') >= 0) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    private static CaptureMode captureMode(String value) {
        if (value == null) {
            return CaptureMode.AUTHOR_CAPTURE;
        }
        for (CaptureMode mode : CaptureMode.values()) {
            if (mode.name().equals(value)) {
                return mode;
            }
        }
        throw new InvalidFieldException("captureMode", "must be AUTHOR_CAPTURE, VALIDATION or IMMEDIATE");
    }

    private static CurrencyUnit currency(String value) {
        if (value == null || !value.matches("\\d{3}")) {
            throw new InvalidFieldException("currencyCode", "must be an ISO 4217 numeric code");
        }
        return Currencies.byNumeric(value)
                .orElseThrow(() -> new InvalidFieldException("currencyCode", "unknown ISO 4217 currency"));
    }

    private static long positiveLong(String field, BigDecimal value) {
        return boundedLong(field, value, 1, Long.MAX_VALUE);
    }

    private static long boundedLong(String field, BigDecimal value, long min, long max) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        long number;
        try {
            number = value.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidFieldException(field, "must be a whole number");
        }
        if (number < min || number > max) {
            throw new InvalidFieldException(field, "must be between " + min + " and " + max);
        }
        return number;
    }

    private static String matching(String field, String value, Pattern pattern, String reason) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidFieldException(field, reason);
        }
        return value;
    }

    private static String oneOf(String field, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new InvalidFieldException(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    private static String text(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidFieldException(field, "must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw new InvalidFieldException(field, "must not contain control characters");
        }
        return value;
    }
}
