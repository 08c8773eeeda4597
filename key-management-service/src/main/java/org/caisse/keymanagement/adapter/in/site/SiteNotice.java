package org.caisse.keymanagement.adapter.in.site;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The notice shown after an action (Post/Redirect/Get): a message key of {@link SiteMessages} and an optional
 * reference, both from the query string, so both are checked before reaching a page.
 */
public record SiteNotice(String messageKey, String reference, boolean success) {

    private static final Set<String> SUCCESS = Set.of("notice_cse_key_generated", "notice_key_requested",
            "notice_key_activated", "notice_key_deactivated", "notice_rotated", "notice_revocation_requested",
            "notice_revocation_approved", "notice_done");
    private static final Set<String> OTHERS = Set.of("notice_not_available_yet", "notice_already_downloaded",
            "notice_own_revocation_request", "notice_refused", "notice_invalid_input", "notice_overlap_out_of_range",
            "notice_not_downloaded", "notice_last_active_key");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._-]{0,80}");

    /** A known key, or {@code notice_done}/{@code notice_refused} for a key this page does not know. */
    public static String knownKey(String key, boolean success) {
        if (key != null && (SUCCESS.contains(key) || OTHERS.contains(key))) {
            return key;
        }
        return success ? "notice_done" : "notice_refused";
    }

    /** The notice of the query string, or null when there is none or it is not one of ours. */
    public static SiteNotice fromQuery(String key, String reference) {
        if (key == null || !(SUCCESS.contains(key) || OTHERS.contains(key))) {
            return null;
        }
        String ref = reference != null && REFERENCE.matcher(reference).matches() ? reference : "";
        return new SiteNotice(key, ref, SUCCESS.contains(key));
    }
}
