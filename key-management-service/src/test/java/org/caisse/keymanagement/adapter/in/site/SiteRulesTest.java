package org.caisse.keymanagement.adapter.in.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The site's small rules without a browser: language choice, CSRF tokens, notices from the query string. */
class SiteRulesTest {

    @Test
    void pageChoiceWinsOverProfileWhichWinsOverFrench() {
        assertThat(SiteLanguage.resolve("nl", "de")).isEqualTo(SiteLanguage.NL);
        assertThat(SiteLanguage.resolve(null, "de-DE")).isEqualTo(SiteLanguage.DE);
        assertThat(SiteLanguage.resolve("xx", "es_ES")).isEqualTo(SiteLanguage.ES);
        assertThat(SiteLanguage.resolve(null, "it")).isEqualTo(SiteLanguage.FR);
        assertThat(SiteLanguage.resolve("", null)).isEqualTo(SiteLanguage.FR);
    }

    @Test
    void csrfTokenIsWorthOneSessionOnly() {
        CsrfTokens tokens = new CsrfTokens();
        String token = tokens.tokenFor("user-1|session-a");
        assertThat(tokens.isValid("user-1|session-a", token)).isTrue();
        assertThat(tokens.isValid("user-1|session-b", token)).isFalse();
        assertThat(tokens.isValid("user-2|session-a", token)).isFalse();
        assertThat(new CsrfTokens().isValid("user-1|session-a", token)).as("another start-up key").isFalse();
        assertThat(tokens.isValid("user-1|session-a", null)).isFalse();
        assertThat(tokens.isValid("user-1|session-a", "not base64 !")).isFalse();
    }

    @Test
    void onlyKnownNoticesAndHarmlessReferencesReachAPage() {
        assertThat(SiteNotice.fromQuery("notice_cse_key_generated", "002001000000001-cse-00ff").success()).isTrue();
        assertThat(SiteNotice.fromQuery("notice_not_available_yet", null).success()).isFalse();
        assertThat(SiteNotice.fromQuery("anything_else", "x")).isNull();
        assertThat(SiteNotice.fromQuery("notice_done", "<script>").reference()).isEmpty();
        assertThat(SiteNotice.knownKey("some_future_key", true)).isEqualTo("notice_done");
        assertThat(SiteNotice.knownKey("some_future_key", false)).isEqualTo("notice_refused");
    }
}
