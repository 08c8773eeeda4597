package org.caisse.paymentpage.adapter.in.web;

import io.quarkus.qute.TemplateData;
import java.util.List;
import org.caisse.paymentpage.adapter.in.rest.BrandingUrls;
import org.caisse.paymentpage.application.BrandingService.PageLook;

/**
 * The merchant's look as the layout shows it: URLs of the logo, colour theme and chosen template (each may be
 * null), the alt text of the logo (the shop name), the merchant's header and footer texts (escaped by Qute like
 * every value), and the origins that may frame the page.
 */
@TemplateData
public record PageBranding(String logoUrl, String logoAlt, String themeUrl, String templateUrl, String headerText,
                           String footerText, List<String> frameAncestors) {

    public static final PageBranding NONE = new PageBranding(null, null, null, null, null, null, List.of());

    public static PageBranding of(PageLook look, String shopName, List<String> frameAncestors) {
        String m = look.merchantId();
        return new PageBranding(
                look.logoHash() == null ? null : BrandingUrls.logo(m, look.logoHash()),
                shopName,
                look.themeHash() == null ? null : BrandingUrls.theme(m, look.themeHash()),
                look.templateName() == null ? null : BrandingUrls.stylesheet(m, look.templateName(), look.templateHash()),
                look.headerText(), look.footerText(), frameAncestors);
    }
}
