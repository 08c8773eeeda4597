package org.caisse.keymanagement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The key download site ({@code /site}). */
@ConfigMapping(prefix = "caisse.key-site")
public interface KeySiteConfig {

    /**
     * Shop name shown beside a merchant id, by merchant id. There is no merchant registry in this service: the
     * names are configuration until merchant onboarding publishes them.
     */
    Map<String, String> shopNames();

    /** Overlap proposed on the custodian's rotation form. */
    @WithDefault("24h")
    Duration defaultRotationOverlap();

    /** Longest overlap a custodian may choose (the old key keeps verifying that long). */
    @WithDefault("30d")
    Duration maxRotationOverlap();

    /** Cookies of the site are {@code Secure} (HTTPS deployments); off only for the local http platform. */
    @WithDefault("true")
    boolean secureCookies();
}
