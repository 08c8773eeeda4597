package org.caisse.officeserver.adapter.in.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.application.port.out.TransactionReadModel.Cursor;
import org.caisse.officeserver.application.port.out.TransactionReadModel.Query;
import org.caisse.officeserver.application.transaction.TransactionQueries;
import org.caisse.officeserver.domain.transaction.TransactionState;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A merchant's transactions from the read model (operators for now; the Extranet will reuse the queries for its
 * merchant users). Newest first, keyset pagination: {@code next} is an opaque cursor to pass as {@code after}.
 */
@Path("/api/v1/merchants/{merchantId}/transactions")
@RolesAllowed(OperatorMerchantResource.OPERATOR)
@Tag(name = "Transactions (operators)")
public class OperatorTransactionResource {

    private static final Pattern MERCHANT_ID = Pattern.compile("[0-9]{15}");
    private static final Pattern STATUS = Pattern.compile("[A-Z_]{1,30}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9]{1,35}");
    private static final int MAX_LIMIT = 200;
    private static final int MAX_REPORT_DAYS = 366;

    private final TransactionQueries queries;

    public OperatorTransactionResource(TransactionQueries queries) {
        this.queries = queries;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Transactions of a merchant, newest first (filters: status, from, to, reference)")
    public Uni<Response> list(@PathParam("merchantId") String merchantId, @QueryParam("status") String status,
                              @QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("reference") String reference, @QueryParam("limit") String limit,
                              @QueryParam("after") String after) {
        if (!MERCHANT_ID.matcher(merchantId).matches()) {
            return Uni.createFrom().item(Problem.of(404, "Not Found", "no such merchant"));
        }
        List<Map<String, String>> violations = new ArrayList<>();
        if (status != null && !STATUS.matcher(status).matches()) {
            violations.add(violation("status", "must be a transaction status such as CAPTURED"));
        }
        if (reference != null && !REFERENCE.matcher(reference).matches()) {
            violations.add(violation("reference", "must be 1 to 35 letters or digits"));
        }
        Instant fromInstant = instant(from, "from", violations);
        Instant toInstant = instant(to, "to", violations);
        int size = 50;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException notANumber) {
                size = -1;
            }
            if (size < 1 || size > MAX_LIMIT) {
                violations.add(violation("limit", "must be an integer from 1 to " + MAX_LIMIT));
            }
        }
        Cursor cursor = null;
        if (after != null) {
            cursor = decode(after);
            if (cursor == null) {
                violations.add(violation("after", "must be the next cursor of a previous page"));
            }
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().item(Problem.of(400, "Invalid query", violations.size() + " field(s) refused",
                    violations));
        }
        int pageSize = size;
        return queries.list(new Query(merchantId, status, reference, fromInstant, toInstant, cursor, pageSize))
                .map(page -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("transactions", page.stream().map(OperatorTransactionResource::json).toList());
                    body.put("next", page.size() == pageSize ? encode(page.getLast()) : null);
                    return Response.ok(OfficeJson.write(body), MediaType.APPLICATION_JSON).build();
                });
    }

    @GET
    @Path("daily-totals")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Per UTC day, currency and status: count, amounts and current amounts (from, to: dates, inclusive)")
    public Uni<Response> dailyTotals(@PathParam("merchantId") String merchantId, @QueryParam("from") String from,
                                     @QueryParam("to") String to) {
        if (!MERCHANT_ID.matcher(merchantId).matches()) {
            return Uni.createFrom().item(Problem.of(404, "Not Found", "no such merchant"));
        }
        List<Map<String, String>> violations = new ArrayList<>();
        LocalDate first = date(from, "from", violations);
        LocalDate last = date(to, "to", violations);
        if (first != null && last != null
                && (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= MAX_REPORT_DAYS)) {
            violations.add(violation("to", "must be from 'from' to " + MAX_REPORT_DAYS + " days later"));
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().item(Problem.of(400, "Invalid query", violations.size() + " field(s) refused",
                    violations));
        }
        return queries.dailyTotals(merchantId, first, last).map(totals -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("merchantId", merchantId);
            body.put("from", first.toString());
            body.put("to", last.toString());
            body.put("days", totals.stream().map(t -> {
                Map<String, Object> day = new LinkedHashMap<>();
                day.put("day", t.day().toString());
                day.put("currencyCode", t.currencyCode());
                day.put("status", t.status());
                day.put("count", t.count());
                day.put("amount", t.amount());
                day.put("currentAmount", t.currentAmount());
                return day;
            }).toList());
            return Response.ok(OfficeJson.write(body), MediaType.APPLICATION_JSON).build();
        });
    }

    private static Map<String, Object> json(TransactionState t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("merchantId", t.merchantId());
        row.put("transactionReference", t.transactionReference());
        row.put("status", t.status());
        row.put("responseCode", t.responseCode());
        row.put("amount", t.amount().minorUnits());
        row.put("currentAmount", t.currentAmount().minorUnits());
        row.put("currencyCode", t.amount().currency().numeric());
        row.put("paymentMeanBrand", t.paymentMeanBrand());
        row.put("maskedPan", t.maskedPan());
        row.put("transactionDateTime", t.transactionDateTime().toString());
        row.put("lastOperationName", t.lastOperationName());
        row.put("lastOperationDateTime", t.lastOperationDateTime() == null ? null : t.lastOperationDateTime().toString());
        row.put("lastEventType", t.eventType());
        return row;
    }

    /** {@code from}/{@code to}: a date (its start, UTC) or a date-time with offset. */
    private static Instant instant(String text, String field, List<Map<String, String>> violations) {
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException unreadable) {
            violations.add(violation(field, "must be a date (yyyy-MM-dd, UTC) or a date-time with offset"));
            return null;
        }
    }

    private static LocalDate date(String text, String field, List<Map<String, String>> violations) {
        if (text == null) {
            violations.add(violation(field, "required (yyyy-MM-dd)"));
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException unreadable) {
            violations.add(violation(field, "must be a date (yyyy-MM-dd)"));
            return null;
        }
    }

    private static String encode(TransactionState last) {
        String position = last.transactionDateTime().toString() + "|" + last.transactionReference();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String cursor) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = position.indexOf('|');
            String reference = position.substring(bar + 1);
            if (bar < 0 || !REFERENCE.matcher(reference).matches()) {
                return null;
            }
            return new Cursor(OffsetDateTime.parse(position.substring(0, bar)), reference);
        } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException unreadable) {
            return null;
        }
    }

    private static Map<String, String> violation(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
