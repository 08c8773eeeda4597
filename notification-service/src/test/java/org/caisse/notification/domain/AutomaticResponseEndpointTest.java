package org.caisse.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutomaticResponseEndpointTest {

    @ParameterizedTest(name = "{0} may be used")
    @ValueSource(strings = {"http://localhost:9999/notify", "https://shop.example/n?x=1", "HTTPS://Shop.Example/n",
            "hTtP://[::1]:8080/n"})
    void httpAndHttpsUrlsInAnyCaseMayBeUsed(String url) {
        assertThat(AutomaticResponseEndpoint.refusal(url)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is not http(s)")
    @ValueSource(strings = {"ftp://shop.example/n", "file:///etc/passwd", "javascript:alert(1)", "/relative",
            "http://shop example/n", "http://", "mailto:shop@example.org"})
    void otherSchemesAndMalformedUrlsAreRefused(String url) {
        assertThat(AutomaticResponseEndpoint.refusal(url)).contains(AutomaticResponseEndpoint.NOT_HTTP);
    }

    @ParameterizedTest(name = "{0} carries user-info")
    @ValueSource(strings = {"https://user:secret@shop.example/n", "http://user@127.0.0.1:8080/n",
            "HTTP://a@b@shop.example/n"})
    void urlsWithUserInfoAreRefusedWithoutRepeatingThem(String url) {
        assertThat(AutomaticResponseEndpoint.refusal(url)).contains(AutomaticResponseEndpoint.USER_INFO);
        assertThat(AutomaticResponseEndpoint.USER_INFO).doesNotContain("secret");
    }
}
