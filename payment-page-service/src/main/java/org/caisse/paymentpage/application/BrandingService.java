package org.caisse.paymentpage.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.caisse.paymentpage.application.port.out.BrandingStore;
import org.caisse.paymentpage.application.port.out.BrandingStore.Asset;
import org.caisse.paymentpage.application.port.out.StylesheetSanitizer;
import org.caisse.paymentpage.domain.branding.BrandingColours;
import org.caisse.paymentpage.domain.branding.BrandingRefused;
import org.caisse.paymentpage.domain.branding.BrandingTexts;
import org.caisse.paymentpage.domain.branding.ContentHashes;
import org.caisse.paymentpage.domain.branding.LogoImages;
import org.caisse.paymentpage.domain.branding.MerchantBranding;
import org.caisse.paymentpage.domain.branding.StylesheetNames;
import org.caisse.paymentpage.domain.branding.ThemeStylesheet;

/** Merchant branding: managed through the internal API, served to the browser, applied to the pages. */
@ApplicationScoped
public class BrandingService {

    private static final Pattern MERCHANT_ID = Pattern.compile("\\d{15}");

    /** What a payment's pages show of the merchant's branding; each part may be absent. */
    public record PageLook(String merchantId, String logoHash, String themeHash, String templateName,
                           String templateHash, String headerText, String footerText) {

        public static PageLook none(String merchantId) {
            return new PageLook(merchantId, null, null, null, null, null, null);
        }
    }

    private final BrandingStore store;
    private final StylesheetSanitizer sanitizer;

    public BrandingService(BrandingStore store, StylesheetSanitizer sanitizer) {
        this.store = store;
        this.sanitizer = sanitizer;
    }

    public Uni<MerchantBranding> get(String merchantId) {
        return store.find(requireMerchantId(merchantId));
    }

    /**
     * Replaces colours, texts and default template. The document is {@code {colours, texts, defaultTemplate}}
     * as JSON maps; a default template must be one of the merchant's stylesheets.
     *
     * @throws BrandingRefused naming the bad field (before anything is stored)
     */
    public Uni<MerchantBranding> putSettings(String merchantId, Map<String, ?> document) {
        requireMerchantId(merchantId);
        if (document == null) {
            throw new BrandingRefused("body", "invalid-body", "the body must be a JSON object");
        }
        for (String key : document.keySet()) {
            if (!key.equals("colours") && !key.equals("texts") && !key.equals("defaultTemplate")) {
                throw new BrandingRefused(key, "unknown-field", "only colours, texts and defaultTemplate can be set");
            }
        }
        BrandingColours colours = document.get("colours") == null ? null : BrandingColours.fromDocument(map(document, "colours"));
        BrandingTexts texts = BrandingTexts.fromDocument(map(document, "texts"));
        Object template = document.get("defaultTemplate");
        if (template != null && !(template instanceof String)) {
            throw new BrandingRefused("defaultTemplate", "invalid-name", "defaultTemplate must be a string");
        }
        String defaultTemplate = template == null ? null : StylesheetNames.require((String) template, "defaultTemplate");
        return store.find(merchantId).onItem().transformToUni(current -> {
            if (defaultTemplate != null && !current.stylesheets().containsKey(defaultTemplate)) {
                return Uni.createFrom().failure(new BrandingRefused("defaultTemplate", "unknown-template",
                        "defaultTemplate must name a stylesheet uploaded first"));
            }
            return store.saveSettings(merchantId, colours, texts, defaultTemplate)
                    .onItem().transformToUni(x -> store.find(merchantId));
        });
    }

    /** @throws BrandingRefused when the bytes are not an accepted image */
    public Uni<MerchantBranding> putLogo(String merchantId, byte[] image) {
        requireMerchantId(merchantId);
        String type = LogoImages.contentTypeOf(image);
        return store.saveLogo(merchantId, image, type, ContentHashes.of(image))
                .onItem().transformToUni(x -> store.find(merchantId));
    }

    /** @throws BrandingRefused when the name or the stylesheet is refused */
    public Uni<MerchantBranding> putStylesheet(String merchantId, String name, String css) {
        requireMerchantId(merchantId);
        StylesheetNames.require(name, "name");
        String clean = sanitizer.sanitize(css);
        return store.saveStylesheet(merchantId, name, clean, ContentHashes.of(clean))
                .onItem().transformToUni(x -> store.find(merchantId));
    }

    public Uni<Boolean> deleteStylesheet(String merchantId, String name) {
        requireMerchantId(merchantId);
        StylesheetNames.require(name, "name");
        return store.deleteStylesheet(merchantId, name);
    }

    public Uni<Optional<Asset>> logo(String merchantId) {
        return MERCHANT_ID.matcher(merchantId).matches() ? store.logo(merchantId) : Uni.createFrom().item(Optional.empty());
    }

    public Uni<Optional<Asset>> stylesheet(String merchantId, String name) {
        if (!MERCHANT_ID.matcher(merchantId).matches() || !StylesheetNames.isValid(name)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return store.stylesheet(merchantId, name);
    }

    /** The stylesheet of the merchant's colours, when it has set some. */
    public Uni<Optional<Asset>> theme(String merchantId) {
        if (!MERCHANT_ID.matcher(merchantId).matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return store.find(merchantId).map(branding -> Optional.ofNullable(branding.colours()).map(colours -> {
            String css = ThemeStylesheet.of(colours);
            return new Asset(css.getBytes(StandardCharsets.UTF_8), "text/css", ContentHashes.of(css));
        }));
    }

    /** The look of a payment's pages in {@code language}, with the request's {@code templateName} (may be null). */
    public Uni<PageLook> lookFor(String merchantId, String templateName, String language) {
        return store.find(merchantId).map(branding -> {
            Optional<String> template = branding.templateFor(templateName);
            var texts = branding.texts().in(language);
            return new PageLook(merchantId,
                    branding.logo() == null ? null : branding.logo().hash(),
                    branding.themeHash().orElse(null),
                    template.orElse(null),
                    template.map(branding.stylesheets()::get).orElse(null),
                    texts.map(BrandingTexts.PageTexts::header).orElse(null),
                    texts.map(BrandingTexts.PageTexts::footer).orElse(null));
        });
    }

    private static String requireMerchantId(String merchantId) {
        if (merchantId == null || !MERCHANT_ID.matcher(merchantId).matches()) {
            throw new BrandingRefused("merchantId", "invalid-merchant-id", "merchantId must be 15 digits");
        }
        return merchantId;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(Map<String, ?> document, String key) {
        Object value = document.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new BrandingRefused(key, "invalid-body", key + " must be a JSON object");
        }
        return (Map<String, ?>) value;
    }
}
