package org.caisse.paymentpage.adapter.in.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** Which services may read and change merchant branding through the internal API. */
@ConfigMapping(prefix = "caisse.internal")
public interface BrandingWriters {

    /**
     * Service names (the token's {@code sub}, equal to its header {@code kid}) allowed on
     * {@code /internal/v1/merchants/{m}/branding}: the back office by default.
     */
    @WithDefault("office-server-service")
    Set<String> brandingWriters();
}
