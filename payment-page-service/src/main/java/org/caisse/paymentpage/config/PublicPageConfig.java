package org.caisse.paymentpage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where shoppers' browsers reach the page: the base of the {@code redirectionUrl} of a Paypage JSON answer. */
@ConfigMapping(prefix = "caisse.page")
public interface PublicPageConfig {

    /** The page's public base URL, without a trailing slash (a proxy's host, never taken from the request). */
    @WithDefault("http://localhost:8081")
    String publicUrl();
}
