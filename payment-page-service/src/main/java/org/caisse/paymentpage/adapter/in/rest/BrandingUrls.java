package org.caisse.paymentpage.adapter.in.rest;

/** Public URLs of branding assets: the content hash in {@code v} makes each version its own URL. */
public final class BrandingUrls {

    private BrandingUrls() {
    }

    public static String logo(String merchantId, String hash) {
        return "/branding/" + merchantId + "/logo?v=" + hash;
    }

    public static String theme(String merchantId, String hash) {
        return "/branding/" + merchantId + "/theme.css?v=" + hash;
    }

    public static String stylesheet(String merchantId, String name, String hash) {
        return "/branding/" + merchantId + "/css/" + name + "?v=" + hash;
    }
}
