package org.caisse.officeserver.application.merchant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.officeserver.application.port.out.MerchantRepository;
import org.caisse.officeserver.application.port.out.MerchantRevision;
import org.caisse.officeserver.application.port.out.OutboxMessage;
import org.caisse.officeserver.config.ServiceIdentityConfig;
import org.caisse.officeserver.config.TopicsConfig;
import org.caisse.officeserver.domain.merchant.MerchantSettings;
import org.caisse.officeserver.domain.merchant.MerchantSettingsParser;
import org.caisse.officeserver.domain.merchant.Violation;

/**
 * Merchant accounts: stores shop settings and announces every change as
 * {@code org.caisse.merchant.updated.v1} on the merchants topic, through the outbox.
 */
@ApplicationScoped
public class MerchantAccountService {

    public static final String MERCHANT_UPDATED = "org.caisse.merchant.updated.v1";
    /** The field of the event's data holding the settings version (1, 2, … per merchant, in commit order). */
    public static final String VERSION_FIELD = "version";

    /** The outcome of a settings update. */
    public sealed interface Outcome {
        /** Stored; {@code changed} is false when the same settings were already stored (nothing published). */
        record Saved(MerchantSettings settings, boolean changed) implements Outcome {
        }

        record Rejected(List<Violation> violations) implements Outcome {
        }
    }

    private final MerchantRepository merchants;
    private final TopicsConfig topics;
    private final ServiceIdentityConfig identity;

    @Inject
    public MerchantAccountService(MerchantRepository merchants, TopicsConfig topics, ServiceIdentityConfig identity) {
        this.merchants = merchants;
        this.topics = topics;
        this.identity = identity;
    }

    /** Validates {@code document} against the merchant named by the path, then saves it. */
    public Uni<Outcome> put(String merchantId, Map<String, ?> document) {
        return switch (MerchantSettingsParser.parse(merchantId, document)) {
            case MerchantSettingsParser.Result.Invalid invalid ->
                    Uni.createFrom().item(new Outcome.Rejected(invalid.violations()));
            case MerchantSettingsParser.Result.Valid valid -> save(valid.settings())
                    .map(changed -> new Outcome.Saved(valid.settings(), changed));
        };
    }

    /**
     * Saves settings already known to be valid; true when they changed. The event carries the stored
     * revision: {@code time} is the database time of the write and {@code data.version} the merchant's
     * settings version, both in commit order, so a consumer keeps the event with the highest version.
     */
    public Uni<Boolean> save(MerchantSettings settings) {
        return merchants.saveAndRecord(settings, revision -> announcement(settings, revision));
    }

    /** The {@code org.caisse.merchant.updated.v1} outbox message of a stored revision (also used by the operator API). */
    OutboxMessage announcement(MerchantSettings settings, MerchantRevision revision) {
        UUID id = UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>(settings.toDocument());
        data.put(VERSION_FIELD, revision.version());
        EventEnvelope event = new EventEnvelope(id.toString(), "/caisse/" + identity.name(), MERCHANT_UPDATED,
                revision.updatedAt(), settings.merchantId(), data);
        return new OutboxMessage(id, topics.merchants(), settings.merchantId(), EventEnvelopeCodec.toJson(event));
    }
}
