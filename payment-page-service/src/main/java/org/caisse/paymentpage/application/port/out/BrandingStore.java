package org.caisse.paymentpage.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import org.caisse.paymentpage.domain.branding.BrandingColours;
import org.caisse.paymentpage.domain.branding.BrandingTexts;
import org.caisse.paymentpage.domain.branding.MerchantBranding;

/** Where merchant branding lives (the page owns it). */
public interface BrandingStore {

    /** A stored asset: its bytes, content type and content hash. */
    record Asset(byte[] content, String contentType, String hash) {
    }

    /** The merchant's branding without asset bytes; {@link MerchantBranding#none} when nothing is set. */
    Uni<MerchantBranding> find(String merchantId);

    /** Replaces colours, texts and default template (each may be null or empty). */
    Uni<Void> saveSettings(String merchantId, BrandingColours colours, BrandingTexts texts, String defaultTemplate);

    Uni<Void> saveLogo(String merchantId, byte[] image, String contentType, String hash);

    Uni<Optional<Asset>> logo(String merchantId);

    Uni<Void> saveStylesheet(String merchantId, String name, String css, String hash);

    Uni<Optional<Asset>> stylesheet(String merchantId, String name);

    /** Removes the stylesheet (and clears it as default template); false when there was none. */
    Uni<Boolean> deleteStylesheet(String merchantId, String name);
}
