package org.caisse.keymanagement.adapter.in.site;

import java.util.List;

/** What every site page shows around its content: language, contrast, the signed-in user, the form token. */
public record SiteFrame(String lang, List<SiteLanguage> languages, boolean highContrast, String username,
                        boolean custodian, boolean merchantReader, String csrfField, String csrfToken,
                        String returnPath, SiteNotice notice) {
}
