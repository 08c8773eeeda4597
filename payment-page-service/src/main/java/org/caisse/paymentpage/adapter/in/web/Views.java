package org.caisse.paymentpage.adapter.in.web;

import java.util.List;
import org.caisse.common.sips.SealedPaypageResponse;
import org.caisse.paymentpage.domain.AcsOutcome;
import org.caisse.paymentpage.domain.CardEntry;
import org.caisse.paymentpage.domain.TestCards.TestCard;
import org.caisse.paymentpage.domain.TicketOutcome;

/** What the templates display. Every value is escaped by the templates. */
public final class Views {

    private Views() {
    }

    /**
     * The card entry page. {@code invalidField} is null unless the shopper must correct a field;
     * {@code testCards} is empty outside TEST mode; {@code scriptNonce} is the nonce of the page's own scripts
     * (the brand/Luhn hint, and the test card filler in TEST mode); {@code brands} the brand choice (empty: none).
     */
    public record CardView(String lang, String shopName, String amount, String transactionReference,
                           String paymentId, String csrfToken, String expiresAt, List<TestCard> testCards,
                           String testExpiry, String testCsc, String scriptNonce, CardEntry.Field invalidField,
                           List<String> brands, String chosenBrand, String orderId) {

        /** The error is about the card number (its format, or its brand): the number field is marked invalid. */
        public boolean numberInvalid() {
            return invalidField == CardEntry.Field.NUMBER || invalidField == CardEntry.Field.BRAND;
        }

        public boolean brandInvalid() {
            return invalidField == CardEntry.Field.BRAND;
        }

        public boolean isChosen(String brand) {
            return brand.equals(chosenBrand);
        }

        /** The label of a brand in the choice ({@code VISA_ELECTRON} → {@code VISA ELECTRON}). */
        public String brandLabel(String brand) {
            return brand.replace('_', ' ');
        }
    }

    /** The 3-D Secure information page and the simulated ACS page (TEST mode). */
    public record AuthenticationView(String lang, String shopName, String amount, String transactionReference,
                                     String paymentId, String csrfToken, String expiresAt, List<AcsOutcome> outcomes,
                                     String orderId) {
    }

    /** The merchant renders its own ticket: this page only posts the sealed response back at once. */
    public record AutoReturnView(String lang, String returnUrl, SealedPaypageResponse response, String scriptNonce) {
    }

    /**
     * The ticket. {@code outcome} null means still processing; {@code response} null means the return to
     * the shop cannot be sealed now.
     */
    public record TicketView(String lang, String shopName, String amount, String transactionReference,
                             TicketOutcome outcome, String responseCode, String maskedPan, String returnUrl,
                             SealedPaypageResponse response, String orderId) {
    }

    /** A refused Paypage request. */
    public record ErrorView(String lang, String responseCode, String meaning, String errorFieldName) {
    }

    /** A page that only says what happened. */
    public enum NoticeKind { NOT_FOUND, FORBIDDEN, BAD_REQUEST, UNEXPECTED }

    public record NoticeView(String lang, NoticeKind kind) {
    }
}
