package org.caisse.paymentpage.adapter.in.web;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.caisse.paymentpage.application.BrandingService;
import org.caisse.paymentpage.domain.MerchantSettings;
import org.caisse.paymentpage.domain.PaymentRequest;
import org.jboss.logging.Logger;

/** The branding of a payment's pages: the merchant's look, its template choice, and its frame ancestors. */
@ApplicationScoped
public class PageBrandings {

    private static final Logger LOG = Logger.getLogger(PageBrandings.class);

    private final BrandingService branding;

    public PageBrandings(BrandingService branding) {
        this.branding = branding;
    }

    /** Never fails: without its branding the page still shows, in the default look. */
    public Uni<PageBranding> of(PaymentRequest request, MerchantSettings merchant, Locale locale) {
        String template = request.request().field("templateName").orElse(null);
        return branding.lookFor(merchant.merchantId(), template, locale.getLanguage())
                .map(look -> PageBranding.of(look, merchant.shopName(), merchant.frameAncestors()))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Branding of merchant %s unavailable (%s); default look", merchant.merchantId(),
                            e.getClass().getSimpleName());
                    return new PageBranding(null, null, null, null, null, null, merchant.frameAncestors());
                });
    }
}
