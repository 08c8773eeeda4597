package org.caisse.officeserver.domain.merchant;

/** Whether a merchant's transactions reach a real acquirer ({@code PRODUCTION}) or the test acquirer. */
public enum MerchantMode {
    TEST, PRODUCTION
}
