package org.caisse.paymentpage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlOriginsTest {

    @Test
    void keepsSchemeHostAndPortOnly() {
        assertThat(UrlOrigins.of("http://localhost:9999/return?x=1")).contains("http://localhost:9999");
        assertThat(UrlOrigins.of("HTTPS://Shop.Example/path")).contains("https://shop.example");
    }

    @Test
    void refusesNonHttpUrls() {
        assertThat(UrlOrigins.of("javascript:alert(1)")).isEmpty();
        assertThat(UrlOrigins.of("data:text/html,x")).isEmpty();
        assertThat(UrlOrigins.of(null)).isEmpty();
        assertThat(UrlOrigins.of("http://a b/")).isEmpty();
    }
}
