package org.caisse.common.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlAllowListTest {

    static final UrlAllowList LIST = UrlAllowList.of(List.of(
            "http://localhost:*", "http://127.0.0.1:*", "https://shop.example.com", "https://pay.example.org:8443"));

    @ParameterizedTest
    @ValueSource(strings = {
            "http://localhost:8080/return", "http://localhost/return", "HTTP://LOCALHOST:9999/notify?x=1#frag",
            "http://127.0.0.1:1/", "https://shop.example.com/back", "https://shop.example.com:443/back",
            "https://pay.example.org:8443/r"})
    void allowsMatchingOrigins(String url) {
        assertThat(LIST.allows(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(1)", "JavaScript://localhost/%0aalert(1)", "data:text/html,hi", "file:///etc/passwd",
            "ftp://localhost/", "http://localhost@evil.com/", "http://localhost:80@evil.com/",
            "http://user:pw@localhost:8080/", "http://evil.com/?localhost", "http://localhost.evil.com/",
            "http://evil.com#@localhost", "http://evil.com\\@localhost/", "//localhost:8080/return", "/return",
            "http://shop.example.com/", "https://shop.example.com:8443/", "https://pay.example.org/",
            "https://evil.example.com/", "http://localhost:8080/ spaced", " http://localhost:8080/",
            "http://local host/", "http://localhost./", "", "http:///path"})
    void refusesEverythingElse(String url) {
        assertThat(LIST.allows(url)).isFalse();
    }

    @Test
    void nullIsRefused() {
        assertThat(LIST.allows(null)).isFalse();
    }

    @Test
    void badPatternsAreRefusedAtConstruction() {
        assertThatThrownBy(() -> UrlAllowList.of(List.of("localhost:*"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlAllowList.of(List.of("javascript:alert(1)")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlAllowList.of(List.of("http://localhost:80:*")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlAllowList.of(List.of("http://localhost/path")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlAllowList.of(List.of("http://u@localhost")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(UrlAllowList.of(List.of()).allows("http://localhost/")).isFalse();
    }

    @Property
    void anyHostOtherThanTheAllowedOnesIsRefused(@ForAll("hosts") String host, @ForAll("paths") String path) {
        String url = "http://" + host + ".example.net" + path;
        assertThat(LIST.allows(url)).isFalse();
        assertThat(LIST.allows("http://localhost@" + host + ".example.net" + path)).isFalse();
        assertThat(LIST.allows("http://localhost:8080@" + host + ".example.net" + path)).isFalse();
        assertThat(LIST.allows("javascript:" + host + path)).isFalse();
    }

    @Property
    void anyPortAndPathOnAnAllowedHostIsAllowed(@ForAll("ports") int port, @ForAll("paths") String path) {
        assertThat(LIST.allows("http://localhost:" + port + path)).isTrue();
        assertThat(LIST.allows("https://localhost:" + port + path)).isFalse();
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('/', '?', '=', '&').ofMaxLength(20)
                .map(s -> "/" + s);
    }

    @Provide
    Arbitrary<Integer> ports() {
        return Arbitraries.integers().between(1, 65535);
    }
}
