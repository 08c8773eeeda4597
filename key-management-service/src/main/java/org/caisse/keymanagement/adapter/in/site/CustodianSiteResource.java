package org.caisse.keymanagement.adapter.in.site;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.caisse.keymanagement.application.site.KeySiteActions;
import org.caisse.keymanagement.application.site.SiteActionResult;
import org.caisse.keymanagement.config.KeySiteConfig;
import org.caisse.keymanagement.domain.InvalidKeyIdentifierException;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Caisse key custodians (role {@code key-custodian}): find a merchant by id, see its keys, rotate with a chosen
 * overlap, request an emergency revocation or approve another custodian's (dual control), read the audit log.
 */
@Path("/site/custodian")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CustodianSiteResource {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_REASON_LENGTH = 500;

    private final SiteSession session;
    private final SitePages pages;
    private final KeySiteActions actions;
    private final KeySiteConfig config;
    private final Template custodian;

    public CustodianSiteResource(SiteSession session, SitePages pages, KeySiteActions actions, KeySiteConfig config,
                                 @Location("site/custodian.html") Template custodian) {
        this.session = session;
        this.pages = pages;
        this.actions = actions;
        this.config = config;
        this.custodian = custodian;
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> page(@QueryParam("merchantId") String merchantIdText, @QueryParam("notice") String notice,
                              @QueryParam("ref") String reference) {
        if (!session.isCustodian()) {
            return pages.forbidden(session);
        }
        TemplateInstance page = custodian.instance()
                .data("query", merchantIdText == null ? "" : merchantIdText)
                .data("maxOverlapHours", config.maxRotationOverlap().toHours())
                .data("defaultOverlapHours", config.defaultRotationOverlap().toHours())
                .data("merchant", null);
        if (merchantIdText == null || merchantIdText.isBlank()) {
            return pages.render(200, page, pages.frame(session, "/site/custodian",
                    SiteNotice.fromQuery(notice, reference)));
        }
        Optional<MerchantId> merchantId = parseMerchant(merchantIdText.trim());
        if (merchantId.isEmpty()) {
            return pages.render(400, page, pages.frame(session, "/site/custodian",
                    SiteNotice.fromQuery("notice_invalid_input", null)));
        }
        MerchantId id = merchantId.get();
        String self = "/site/custodian?merchantId=" + id.value();
        return actions.merchantKeys(id).flatMap(keys -> actions.pendingRevocations(id).flatMap(
                revocations -> actions.auditLog(id).flatMap(audit -> pages.render(200, page
                        .data("merchant", id.value())
                        .data("shopName", config.shopNames().get(id.value()))
                        .data("keyVersions", keys.keyVersions().stream().map(KeyVersionRow::of).toList())
                        .data("cseKeys", keys.cseKeys().stream().map(CseKeyRow::of).toList())
                        .data("revocationsAvailable", revocations.available())
                        .data("revocations", revocations.items().stream().map(r -> new RevocationRow(
                                r.requestId(), r.key().keyVersion().value(), r.requestedBy(),
                                SitePages.when(r.requestedAt()), r.reason())).toList())
                        .data("auditAvailable", audit.available())
                        .data("audit", audit.items().stream().map(a -> new AuditRow(SitePages.when(a.at()),
                                a.actor(), a.action(), a.detail())).toList()),
                        pages.frame(session, self, SiteNotice.fromQuery(notice, reference))))));
    }

    @POST
    @Path("merchants/{merchantId}/rotation")
    @Operation(hidden = true)
    public Uni<Response> rotate(@FormParam(CsrfTokens.FIELD) String csrf, @PathParam("merchantId") String merchantId,
                                @FormParam("overlapHours") String overlapHours) {
        return asCustodian(csrf, () -> {
            Optional<MerchantId> id = parseMerchant(merchantId);
            if (id.isEmpty()) {
                return invalid("/site/custodian", "notice_invalid_input");
            }
            String back = "/site/custodian?merchantId=" + id.get().value();
            Optional<Duration> overlap = parseHours(overlapHours);
            if (overlap.isEmpty()) {
                return invalid(back, "notice_overlap_out_of_range");
            }
            return actions.rotate(session.actor(), id.get(), overlap.get()).map(result -> back(back, result));
        });
    }

    @POST
    @Path("merchants/{merchantId}/keys/{version}/revocation")
    @Operation(hidden = true)
    public Uni<Response> requestRevocation(@FormParam(CsrfTokens.FIELD) String csrf,
                                           @PathParam("merchantId") String merchantId,
                                           @PathParam("version") String version, @FormParam("reason") String reason) {
        return asCustodian(csrf, () -> {
            Optional<MerchantId> id = parseMerchant(merchantId);
            if (id.isEmpty()) {
                return invalid("/site/custodian", "notice_invalid_input");
            }
            String back = "/site/custodian?merchantId=" + id.get().value();
            Optional<KeyVersion> keyVersion = parseVersion(version);
            if (keyVersion.isEmpty() || reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
                return invalid(back, "notice_invalid_input");
            }
            return actions.requestEmergencyRevocation(session.actor(), new MerchantKeyId(id.get(), keyVersion.get()),
                    reason.strip()).map(result -> back(back, result));
        });
    }

    @POST
    @Path("revocations/{requestId}/approval")
    @Operation(hidden = true)
    public Uni<Response> approveRevocation(@FormParam(CsrfTokens.FIELD) String csrf,
                                           @PathParam("requestId") String requestId,
                                           @FormParam("merchantId") String merchantId) {
        return asCustodian(csrf, () -> {
            String back = parseMerchant(merchantId).map(id -> "/site/custodian?merchantId=" + id.value())
                    .orElse("/site/custodian");
            if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
                return invalid(back, "notice_invalid_input");
            }
            return actions.approveEmergencyRevocation(session.actor(), requestId).map(result -> back(back, result));
        });
    }

    private Uni<Response> asCustodian(String csrf, Supplier<Uni<Response>> action) {
        if (!session.csrfValid(csrf)) {
            return pages.csrfRefused(session);
        }
        if (!session.isCustodian()) {
            return pages.forbidden(session);
        }
        return action.get();
    }

    private Optional<Duration> parseHours(String text) {
        if (text == null || text.isEmpty() || text.length() > 6 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        Duration overlap = Duration.ofHours(Long.parseLong(text));
        return overlap.compareTo(Duration.ofHours(1)) >= 0 && overlap.compareTo(config.maxRotationOverlap()) <= 0
                ? Optional.of(overlap) : Optional.empty();
    }

    private static Response back(String path, SiteActionResult result) {
        boolean success = result.outcome() == SiteActionResult.Outcome.DONE;
        return SitePages.redirect(path, SiteNotice.knownKey(result.messageKey(), success), result.reference());
    }

    private static Uni<Response> invalid(String path, String noticeKey) {
        return Uni.createFrom().item(SitePages.redirect(path, noticeKey, ""));
    }

    private static Optional<MerchantId> parseMerchant(String text) {
        try {
            return Optional.of(MerchantId.of(text));
        } catch (InvalidKeyIdentifierException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static Optional<KeyVersion> parseVersion(String text) {
        try {
            return Optional.of(KeyVersion.parse(text));
        } catch (InvalidKeyIdentifierException e) {
            return Optional.empty();
        }
    }

    /** A pending revocation as the page shows it. */
    public record RevocationRow(String requestId, int version, String requestedBy, String requestedAt,
                                String reason) {
    }

    /** An audit line as the page shows it. */
    public record AuditRow(String when, String actor, String action, String detail) {
    }
}
