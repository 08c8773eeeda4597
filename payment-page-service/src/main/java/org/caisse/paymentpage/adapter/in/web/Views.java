package org.caisse.paymentpage.adapter.in.web;

import java.util.List;
import org.caisse.common.sips.SealedPaypageResponse;
import org.caisse.paymentpage.domain.CardEntry;
import org.caisse.paymentpage.domain.TestCards.TestCard;
import org.caisse.paymentpage.domain.TicketOutcome;

/** What the templates display. Every value is escaped by the templates. */
public final class Views {

    private Views() {
    }

    /**
     * The card entry page. {@code invalidField} is null unless the shopper must correct a field;
     * {@code testCards} is empty and {@code scriptNonce} null outside TEST mode.
     */
    public record CardView(String lang, String shopName, String amount, String transactionReference,
                           String paymentId, String csrfToken, String expiresAt, List<TestCard> testCards,
                           String testExpiry, String testCsc, String scriptNonce, CardEntry.Field invalidField) {
    }

    /**
     * The ticket. {@code outcome} null means still processing; {@code response} null means the return to
     * the shop cannot be sealed now.
     */
    public record TicketView(String lang, String shopName, String amount, String transactionReference,
                             TicketOutcome outcome, String responseCode, String maskedPan, String returnUrl,
                             SealedPaypageResponse response) {
    }

    /** A refused Paypage request. */
    public record ErrorView(String lang, String responseCode, String meaning, String errorFieldName) {
    }

    /** A page that only says what happened. */
    public enum NoticeKind { NOT_FOUND, FORBIDDEN, BAD_REQUEST, UNEXPECTED }

    public record NoticeView(String lang, NoticeKind kind) {
    }
}
