package org.caisse.authorization.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValidatorTest {

    @ParameterizedTest(name = "{0} is an http(s) URL")
    @ValueSource(strings = {"http://localhost:9999/notify", "https://shop.example/notify", "HTTPS://shop.example/n",
            "Http://shop.example", "hTtP://[::1]:8080/n?x=1"})
    void httpUrlsInAnyCaseAreAccepted(String url) {
        assertThat(RequestValidator.isHttpUrl(url)).isTrue();
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"ftp://shop.example/n", "javascript:alert(1)", "mailto:a@shop.example", "/notify",
            "http://user@shop.example/n", "https://user:pw@shop.example/n", "http://shop example/n",
            "http://shop.example/n\\x", "http://", "http:///n", "https://exa%mple.org/", "http://shop.example/\n"})
    void otherSchemesUserInfoAndMalformedUrlsAreRefused(String url) {
        assertThat(RequestValidator.isHttpUrl(url)).isFalse();
    }
}
