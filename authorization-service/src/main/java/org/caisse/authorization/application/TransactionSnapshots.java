package org.caisse.authorization.application;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caisse.authorization.domain.MaskedCard;
import org.caisse.authorization.domain.NotificationContext;
import org.caisse.authorization.domain.OperationRecord;
import org.caisse.authorization.domain.ShopData;
import org.caisse.authorization.domain.Transaction;
import org.caisse.authorization.domain.TransactionKind;

/** The transaction snapshot of the platform contracts: Sips response names, absent values omitted. */
public final class TransactionSnapshots {

    /** ISO-8601 with offset and no fraction, e.g. {@code 2026-11-23T12:00:00+01:00}. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    public static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyyMM");

    private TransactionSnapshots() {
    }

    public static String formatDateTime(OffsetDateTime dateTime, ZoneId zone) {
        return dateTime == null ? null : DATE_TIME.format(dateTime.atZoneSameInstant(zone));
    }

    public static Map<String, Object> of(Transaction t, ZoneId zone) {
        Map<String, Object> s = new LinkedHashMap<>();
        put(s, "merchantId", t.merchantId());
        put(s, "transactionReference", t.transactionReference());
        put(s, "status", t.status() == null ? null : t.status().name());
        put(s, "responseCode", t.responseCode() == null ? null : t.responseCode().code());
        put(s, "acquirerResponseCode", t.acquirerResponseCode());
        put(s, "authorisationId", t.authorisationId());
        put(s, "amount", t.amount().minorUnits());
        put(s, "currentAmount", t.currentAmount().minorUnits());
        put(s, "capturedAmount", t.capturedAmount().minorUnits());
        put(s, "refundedAmount", t.refundedAmount().minorUnits());
        put(s, "currencyCode", t.amount().currency().numeric());
        put(s, "captureMode", t.captureMode().name());
        put(s, "captureDay", t.captureDay());
        put(s, "captureLimitDate", t.captureLimitDate() == null ? null : DATE.format(t.captureLimitDate()));
        put(s, "orderChannel", t.orderChannel());
        put(s, "transactionDateTime", formatDateTime(t.transactionDateTime(), zone));
        MaskedCard card = t.card();
        if (card != null) {
            put(s, "maskedPan", card.maskedPan());
            put(s, "panExpiryDate", EXPIRY.format(card.expiryDate()));
            put(s, "paymentMeanBrand", card.brand());
            put(s, "paymentMeanType", card.paymentMeanType());
            put(s, "cardCSCResultCode", card.cscResultCode());
        }
        if (t.cardReference() != null) {
            put(s, "tokenPan", t.cardReference().tokenPan());
        }
        put(s, "holderAuthentStatus", t.holderAuthentStatus());
        put(s, "guaranteeIndicator", t.guaranteeIndicator());
        ShopData shop = t.shop();
        if (t.kind() != TransactionKind.PAYMENT) {
            put(s, "transactionType", t.kind().name());
        }
        // the rule that refused the payment: for the merchant's back office; the shopper's pages never show it
        put(s, "fraudRule", t.fraudRule());
        put(s, "duplicatedFrom", t.duplicatedFrom());
        put(s, "orderId", shop.orderId());
        put(s, "returnContext", shop.returnContext());
        put(s, "customerId", shop.customerId());
        put(s, "customerEmail", shop.customerEmail());
        put(s, "customerIpAddress", shop.customerIpAddress());
        put(s, "statementReference", shop.statementReference());
        put(s, "transactionOrigin", shop.transactionOrigin());
        put(s, "paymentPattern", shop.paymentPattern());
        put(s, "customerLanguage", shop.customerLanguage());
        OperationRecord last = t.lastOperation();
        if (last != null) {
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("name", last.name().name());
            op.put("amount", last.amount().minorUnits());
            op.put("dateTime", formatDateTime(last.dateTime(), zone));
            s.put("lastOperation", op);
        }
        NotificationContext n = t.notification();
        if (n != null) {
            Map<String, Object> notification = new LinkedHashMap<>();
            notification.put("automaticResponseUrl", n.automaticResponseUrl());
            notification.put("keyVersion", n.keyVersion());
            notification.put("sealAlgorithm", n.sealAlgorithm());
            notification.put("responseEncoding", n.responseEncoding());
            notification.put("interfaceVersion", n.interfaceVersion());
            s.put("notification", notification);
        }
        return s;
    }

    private static void put(Map<String, Object> snapshot, String key, Object value) {
        if (value != null) {
            snapshot.put(key, value);
        }
    }
}
