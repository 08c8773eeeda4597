package org.caisse.keymanagement.adapter.in.site;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.caisse.keymanagement.application.site.SiteActor;
import org.caisse.keymanagement.domain.InvalidKeyIdentifierException;
import org.caisse.keymanagement.domain.MerchantId;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user of one site request, read from the identity (the ID token of the Keycloak sign-in): roles
 * (claim {@code groups}), merchant (claim {@code merchantId}), profile language (claim {@code locale}), and the
 * display preferences of the cookies.
 */
@RequestScoped
public class SiteSession {

    public static final String MERCHANT_ADMIN = "merchant-admin";
    public static final String KEYS_READ = "keys.read";
    public static final String KEY_CUSTODIAN = "key-custodian";
    public static final String CONTRAST_COOKIE = "caisse-site-contrast";

    private final SecurityIdentity identity;
    private final RoutingContext request;
    private final CsrfTokens csrf;

    public SiteSession(SecurityIdentity identity, RoutingContext request, CsrfTokens csrf) {
        this.identity = identity;
        this.request = request;
        this.csrf = csrf;
    }

    public boolean isCustodian() {
        return identity.hasRole(KEY_CUSTODIAN);
    }

    /** May see the keys of its own merchant. */
    public boolean isMerchantReader() {
        return merchantId().isPresent() && (identity.hasRole(KEYS_READ) || identity.hasRole(MERCHANT_ADMIN));
    }

    /** May change the keys of its own merchant (request, activate, deactivate, CSE keys). */
    public boolean isMerchantAdmin() {
        return merchantId().isPresent() && identity.hasRole(MERCHANT_ADMIN);
    }

    /** The merchant of the {@code merchantId} claim; empty for staff or a malformed claim. */
    public Optional<MerchantId> merchantId() {
        return claim("merchantId").flatMap(value -> {
            try {
                return Optional.of(MerchantId.of(value));
            } catch (InvalidKeyIdentifierException e) {
                return Optional.empty();
            }
        });
    }

    public String username() {
        return claim("preferred_username").orElseGet(() -> identity.getPrincipal().getName());
    }

    public SiteActor actor() {
        String subject = claim("sub").orElseGet(() -> identity.getPrincipal().getName());
        return new SiteActor(subject, username(), merchantId().map(MerchantId::value),
                request.request().remoteAddress() == null ? null : request.request().remoteAddress().hostAddress());
    }

    public SiteLanguage language() {
        return SiteLanguage.resolve(cookie(SiteLanguage.COOKIE), claim("locale").orElse(null));
    }

    public boolean highContrast() {
        return "high".equals(cookie(CONTRAST_COOKIE));
    }

    public String csrfToken() {
        return csrf.tokenFor(sessionBinding());
    }

    public boolean csrfValid(String token) {
        return csrf.isValid(sessionBinding(), token);
    }

    /** The identity provider's session ({@code sid}), so a token is worth one sign-in of one user. */
    private String sessionBinding() {
        return claim("sub").orElseGet(() -> identity.getPrincipal().getName()) + "|" + claim("sid").orElse("");
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object value = token.getClaim(name);
            if (value != null) {
                String text = value.toString();
                if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                    text = text.substring(1, text.length() - 1);
                }
                return text.isBlank() ? Optional.empty() : Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private String cookie(String name) {
        Cookie cookie = request.request().getCookie(name);
        return cookie == null ? null : cookie.getValue();
    }
}
