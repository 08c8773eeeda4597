package org.caisse.authorization.adapter.in.kafka;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;
import org.caisse.authorization.application.CashOperation;
import org.caisse.authorization.application.OperationCommand;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.CurrencyUnit;
import org.caisse.common.money.Money;

/**
 * Reads the {@code data} of an operation command: {@code commandId, operation (VALIDATE | CANCEL | REFUND),
 * merchantId, transactionReference, amount, currencyCode, operationOrigin?}.
 */
final class OperationCommands {

    private static final Pattern COMMAND_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern MERCHANT_ID = Pattern.compile("\\d{15}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9]{1,35}");

    sealed interface Parsed permits Valid, Invalid, Unanswerable {
    }

    record Valid(OperationCommand command) implements Parsed {
    }

    /** A command that can be answered (id, merchant and reference are usable) but has an invalid field. */
    record Invalid(String commandId, String merchantId, String transactionReference, String operation, String field)
            implements Parsed {
    }

    /** A command that cannot even be answered: no usable id, merchant or reference to key the answer on. */
    record Unanswerable(String reason) implements Parsed {
    }

    private OperationCommands() {
    }

    static Parsed parse(Map<String, Object> data) {
        String commandId = string(data, "commandId");
        String merchantId = string(data, "merchantId");
        String reference = string(data, "transactionReference");
        if (commandId == null || !COMMAND_ID.matcher(commandId).matches()) {
            return new Unanswerable("commandId");
        }
        if (merchantId == null || !MERCHANT_ID.matcher(merchantId).matches()) {
            return new Unanswerable("merchantId");
        }
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            return new Unanswerable("transactionReference");
        }
        String operationName = string(data, "operation");
        CashOperation operation;
        try {
            operation = CashOperation.valueOf(operationName == null ? "" : operationName);
        } catch (IllegalArgumentException e) {
            return new Invalid(commandId, merchantId, reference, operationName, "operation");
        }
        if (operation == CashOperation.FORCE_REFERRAL) {
            return new Invalid(commandId, merchantId, reference, operationName, "operation");
        }
        Long amount = wholeNumber(data.get("amount"));
        if (amount == null) {
            return new Invalid(commandId, merchantId, reference, operationName, "amount");
        }
        String currencyCode = string(data, "currencyCode");
        CurrencyUnit currency = currencyCode == null ? null : Currencies.byNumeric(currencyCode).orElse(null);
        if (currency == null) {
            return new Invalid(commandId, merchantId, reference, operationName, "currencyCode");
        }
        String origin = string(data, "operationOrigin");
        if (origin != null && origin.length() > 64) {
            return new Invalid(commandId, merchantId, reference, operationName, "operationOrigin");
        }
        return new Valid(new OperationCommand(merchantId, reference, null, commandId, operation,
                new Money(amount, currency), null, origin == null ? "BATCH" : origin));
    }

    private static String string(Map<String, Object> data, String key) {
        Object value = data == null ? null : data.get(key);
        return value instanceof String s ? s : value == null ? null : value.toString();
    }

    private static Long wholeNumber(Object value) {
        try {
            return value == null ? null : new BigDecimal(value.toString()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
