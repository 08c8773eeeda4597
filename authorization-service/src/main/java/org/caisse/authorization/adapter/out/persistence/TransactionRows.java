package org.caisse.authorization.adapter.out.persistence;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import org.caisse.authorization.application.TransactionSnapshots;
import org.caisse.authorization.domain.CaptureMode;
import org.caisse.authorization.domain.CardReference;
import org.caisse.authorization.domain.MaskedCard;
import org.caisse.authorization.domain.NotificationContext;
import org.caisse.authorization.domain.OperationName;
import org.caisse.authorization.domain.OperationRecord;
import org.caisse.authorization.domain.ResponseCodes;
import org.caisse.authorization.domain.ShopData;
import org.caisse.authorization.domain.Transaction;
import org.caisse.authorization.domain.TransactionKind;
import org.caisse.common.money.CurrencyUnit;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.Money;
import org.caisse.common.sips.TransactionStatus;

/** Maps a transaction to its table row and back; the one place that knows the columns. */
final class TransactionRows {

    static final String COLUMNS = """
            id, merchant_id, transaction_reference, status, amount, current_amount, currency_code, capture_mode,
            capture_day, capture_limit_date, order_channel, masked_pan, pan_expiry_date, payment_mean_brand,
            payment_mean_type, card_csc_result_code, response_code, acquirer_response_code, authorisation_id,
            holder_authent_status, guarantee_indicator, transaction_date_time, last_operation_name,
            last_operation_amount, last_operation_at, order_id, return_context, customer_id, customer_email,
            customer_ip_address, statement_reference, transaction_origin, payment_pattern, customer_language,
            notification, kind, captured_amount, refunded_amount, authorized_at, card_id, token_pan, card_fingerprint,
            fraud_rule, duplicated_from""";

    /** Number of columns in {@link #COLUMNS}, i.e. of parameters in {@link #insertTuple}. */
    static final int COLUMN_COUNT = 44;

    static final String UPDATE = """
            UPDATE transaction SET status = $2, current_amount = $3, captured_amount = $4, refunded_amount = $5,
                   capture_limit_date = $6, response_code = $7, acquirer_response_code = $8, authorisation_id = $9,
                   card_csc_result_code = $10, authorized_at = $11, last_operation_name = $12,
                   last_operation_amount = $13, last_operation_at = $14, updated_at = now()
             WHERE id = $1""";

    private TransactionRows() {
    }

    /** The parameters of an insert listing {@link #COLUMNS} in order. */
    static Tuple insertTuple(Transaction t, String cardFingerprint) {
        MaskedCard card = t.card();
        ShopData shop = t.shop();
        OperationRecord last = t.lastOperation();
        CardReference ref = t.cardReference();
        return Tuple.from(Arrays.asList(
                t.id(), t.merchantId(), t.transactionReference(), t.status().name(), t.amount().minorUnits(),
                t.currentAmount().minorUnits(), t.amount().currency().numeric(), t.captureMode().name(),
                (short) t.captureDay(), t.captureLimitDate(), t.orderChannel(),
                card == null ? null : card.maskedPan(),
                card == null ? null : TransactionSnapshots.EXPIRY.format(card.expiryDate()),
                card == null ? null : card.brand(),
                card == null ? null : card.paymentMeanType(),
                card == null ? null : card.cscResultCode(),
                t.responseCode().code(), t.acquirerResponseCode(), t.authorisationId(),
                t.holderAuthentStatus(), t.guaranteeIndicator(), t.transactionDateTime(),
                last == null ? null : last.name().name(),
                last == null ? null : last.amount().minorUnits(),
                last == null ? null : last.dateTime(),
                shop.orderId(), shop.returnContext(), shop.customerId(), shop.customerEmail(),
                shop.customerIpAddress(), shop.statementReference(), shop.transactionOrigin(), shop.paymentPattern(),
                shop.customerLanguage(), notificationJson(t.notification()),
                t.kind().name(), t.capturedAmount().minorUnits(), t.refundedAmount().minorUnits(), t.authorizedAt(),
                ref == null ? null : ref.cardId(), ref == null ? null : ref.tokenPan(), cardFingerprint,
                t.fraudRule(), t.duplicatedFrom()));
    }

    static Tuple updateTuple(Transaction t) {
        OperationRecord last = t.lastOperation();
        return Tuple.from(Arrays.asList(
                t.id(), t.status().name(), t.currentAmount().minorUnits(), t.capturedAmount().minorUnits(),
                t.refundedAmount().minorUnits(), t.captureLimitDate(),
                t.responseCode().code(), t.acquirerResponseCode(), t.authorisationId(),
                t.card() == null ? null : t.card().cscResultCode(), t.authorizedAt(),
                last == null ? null : last.name().name(),
                last == null ? null : last.amount().minorUnits(),
                last == null ? null : last.dateTime()));
    }

    private static JsonObject notificationJson(NotificationContext n) {
        return n == null ? null : new JsonObject()
                .put("automaticResponseUrl", n.automaticResponseUrl())
                .put("keyVersion", n.keyVersion())
                .put("sealAlgorithm", n.sealAlgorithm())
                .put("responseEncoding", n.responseEncoding())
                .put("interfaceVersion", n.interfaceVersion());
    }

    static Transaction toTransaction(Row row, ZoneId zone) {
        CurrencyUnit currency = Currencies.byNumeric(row.getString("currency_code")).orElseThrow(
                () -> new IllegalStateException("unknown stored currency " + row.getString("currency_code")));
        String maskedPan = row.getString("masked_pan");
        MaskedCard card = maskedPan == null ? null : new MaskedCard(maskedPan, row.getString("payment_mean_brand"),
                YearMonth.parse(row.getString("pan_expiry_date"), TransactionSnapshots.EXPIRY),
                row.getString("payment_mean_type"), row.getString("card_csc_result_code"));
        String lastName = row.getString("last_operation_name");
        OperationRecord last = lastName == null ? null : new OperationRecord(OperationName.valueOf(lastName),
                new Money(row.getLong("last_operation_amount"), currency),
                inZone(row.getOffsetDateTime("last_operation_at"), zone), ResponseCodes.ACCEPTED);
        Object notificationValue = row.getValue("notification");
        NotificationContext notification = null;
        if (notificationValue instanceof JsonObject n) {
            notification = new NotificationContext(n.getString("automaticResponseUrl"), n.getInteger("keyVersion"),
                    n.getString("sealAlgorithm"), n.getString("responseEncoding"), n.getString("interfaceVersion"));
        }
        java.util.UUID cardId = row.getUUID("card_id");
        return Transaction.builder()
                .id(row.getUUID("id"))
                .kind(TransactionKind.valueOf(row.getString("kind")))
                .merchantId(row.getString("merchant_id"))
                .transactionReference(row.getString("transaction_reference"))
                .status(TransactionStatus.valueOf(row.getString("status")))
                .amount(new Money(row.getLong("amount"), currency))
                .currentAmount(new Money(row.getLong("current_amount"), currency))
                .capturedAmount(new Money(row.getLong("captured_amount"), currency))
                .refundedAmount(new Money(row.getLong("refunded_amount"), currency))
                .captureMode(CaptureMode.valueOf(row.getString("capture_mode")))
                .captureDay(row.getInteger("capture_day"))
                .captureLimitDate(row.getLocalDate("capture_limit_date"))
                .orderChannel(row.getString("order_channel"))
                .card(card)
                .cardReference(cardId == null ? null : new CardReference(cardId, row.getString("token_pan")))
                .responseCode(ResponseCodes.code(row.getString("response_code")))
                .acquirerResponseCode(row.getString("acquirer_response_code"))
                .authorisationId(row.getString("authorisation_id"))
                .holderAuthentStatus(row.getString("holder_authent_status"))
                .guaranteeIndicator(row.getString("guarantee_indicator"))
                .fraudRule(row.getString("fraud_rule"))
                .duplicatedFrom(row.getString("duplicated_from"))
                .transactionDateTime(inZone(row.getOffsetDateTime("transaction_date_time"), zone))
                .authorizedAt(inZone(row.getOffsetDateTime("authorized_at"), zone))
                .lastOperation(last)
                .shop(new ShopData(row.getString("order_id"), row.getString("return_context"),
                        row.getString("customer_id"), row.getString("customer_email"),
                        row.getString("customer_ip_address"), row.getString("statement_reference"),
                        row.getString("transaction_origin"), row.getString("payment_pattern"),
                        row.getString("customer_language")))
                .notification(notification)
                .build();
    }

    static OffsetDateTime inZone(OffsetDateTime stored, ZoneId zone) {
        return stored == null ? null : stored.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
