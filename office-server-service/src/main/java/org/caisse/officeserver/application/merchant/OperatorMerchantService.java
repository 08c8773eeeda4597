package org.caisse.officeserver.application.merchant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.application.port.out.MerchantCatalog;
import org.caisse.officeserver.application.port.out.MerchantCatalog.StoredMerchant;
import org.caisse.officeserver.application.port.out.MerchantCatalog.WriteResult;
import org.caisse.officeserver.domain.merchant.MerchantSettingsParser;
import org.caisse.officeserver.domain.merchant.Violation;

/**
 * Merchant accounts for operators: creation, listing, reading and replacement with optimistic concurrency.
 * Every change is announced through the same outbox message as the internal endpoint's
 * ({@link MerchantAccountService#announcement}).
 */
@ApplicationScoped
public class OperatorMerchantService {

    /** The outcome of an operator's change. */
    public sealed interface Change {
        record Done(StoredView merchant, boolean created, boolean changed) implements Change {
        }

        record Rejected(List<Violation> violations) implements Change {
        }

        record NotFound() implements Change {
        }

        /** Creation of an existing merchant, or a replacement from a version that is no longer the current one. */
        record Conflict(long currentVersion) implements Change {
        }
    }

    /** A merchant's settings document and version as operators see them. */
    public record StoredView(String merchantId, Map<String, Object> document, long version) {
        /** The document plus its {@code version}, the shape of the operator API's answers. */
        public Map<String, Object> withVersion() {
            Map<String, Object> body = new LinkedHashMap<>(document);
            body.put(MerchantAccountService.VERSION_FIELD, version);
            return body;
        }
    }

    private final MerchantCatalog catalog;
    private final MerchantAccountService accounts;

    public OperatorMerchantService(MerchantCatalog catalog, MerchantAccountService accounts) {
        this.catalog = catalog;
        this.accounts = accounts;
    }

    public Uni<Optional<StoredView>> get(String merchantId) {
        return catalog.find(merchantId).map(found -> found.map(stored -> view(merchantId, stored)));
    }

    public Uni<List<StoredView>> list(String afterMerchantIdOrNull, int limit) {
        return catalog.list(afterMerchantIdOrNull, limit).map(all -> all.stream()
                .map(stored -> view(String.valueOf(stored.document().get("merchantId")), stored)).toList());
    }

    /** Creates a merchant from a complete settings document (its {@code merchantId} names the merchant). */
    public Uni<Change> create(Map<String, ?> document) {
        Object named = document.get("merchantId");
        String merchantId = named instanceof String text ? text : null;
        return switch (MerchantSettingsParser.parse(merchantId, document)) {
            case MerchantSettingsParser.Result.Invalid invalid ->
                    Uni.createFrom().item(new Change.Rejected(invalid.violations()));
            case MerchantSettingsParser.Result.Valid valid -> catalog
                    .create(valid.settings(), revision -> accounts.announcement(valid.settings(), revision))
                    .map(result -> outcome(result, valid.settings().merchantId(), valid.settings().toDocument(), true));
        };
    }

    /** Replaces the settings of {@code merchantId} when its current version is {@code expectedVersion}. */
    public Uni<Change> replace(String merchantId, Map<String, ?> document, OptionalLong expectedVersion) {
        if (expectedVersion.isEmpty()) {
            throw new IllegalArgumentException("a replacement needs the expected version");
        }
        return switch (MerchantSettingsParser.parse(merchantId, document)) {
            case MerchantSettingsParser.Result.Invalid invalid ->
                    Uni.createFrom().item(new Change.Rejected(invalid.violations()));
            case MerchantSettingsParser.Result.Valid valid -> catalog
                    .replace(valid.settings(), expectedVersion.getAsLong(),
                            revision -> accounts.announcement(valid.settings(), revision))
                    .map(result -> outcome(result, merchantId, valid.settings().toDocument(), false));
        };
    }

    private static Change outcome(WriteResult result, String merchantId, Map<String, Object> document,
                                  boolean creation) {
        return switch (result) {
            case WriteResult.Written written -> new Change.Done(new StoredView(merchantId, document, written.version()),
                    creation, written.changed());
            case WriteResult.NotFound notFound -> new Change.NotFound();
            case WriteResult.Conflict conflict -> new Change.Conflict(conflict.currentVersion());
        };
    }

    private static StoredView view(String merchantId, StoredMerchant stored) {
        return new StoredView(merchantId, stored.document(), stored.version());
    }
}
