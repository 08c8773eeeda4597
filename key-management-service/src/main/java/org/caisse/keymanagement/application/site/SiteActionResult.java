package org.caisse.keymanagement.application.site;

import java.util.Objects;

/**
 * Outcome of a key site action. {@code messageKey} names a message of the site's bundle (never free text, so a
 * page never echoes input); {@code reference} is an optional value shown beside it (a new kid, a version).
 */
public record SiteActionResult(Outcome outcome, String messageKey, String reference) {

    public enum Outcome { DONE, NOT_AVAILABLE_YET, REFUSED }

    public SiteActionResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(messageKey, "messageKey");
        reference = reference == null ? "" : reference;
    }

    public static SiteActionResult done(String messageKey, String reference) {
        return new SiteActionResult(Outcome.DONE, messageKey, reference);
    }

    /** The use case behind the action is not in this release yet. */
    public static SiteActionResult notAvailableYet() {
        return new SiteActionResult(Outcome.NOT_AVAILABLE_YET, "notice_not_available_yet", "");
    }

    public static SiteActionResult refused(String messageKey) {
        return new SiteActionResult(Outcome.REFUSED, messageKey, "");
    }
}
