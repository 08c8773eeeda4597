package org.caisse.keymanagement.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caisse.keymanagement.application.AuditPage;
import org.caisse.keymanagement.application.port.out.KeyAuditLog;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.custody.Actor;
import org.caisse.keymanagement.domain.custody.ActorRole;
import org.caisse.keymanagement.domain.custody.AuditAction;
import org.caisse.keymanagement.domain.custody.AuditEntry;

/** Reads table {@code key_audit_log} (append-only: the database refuses UPDATE, DELETE and TRUNCATE). */
@ApplicationScoped
public class PgKeyAuditLog implements KeyAuditLog {

    private static final String COLUMNS = """
            id, occurred_at, actor, actor_role, origin, action, outcome, merchant_id, key_version, kid, detail""";

    private final Pool pool;

    public PgKeyAuditLog(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<AuditPage> page(Optional<MerchantId> merchantId, int page, int size) {
        String where = merchantId.isPresent() ? " WHERE merchant_id = $3" : "";
        Tuple args = Tuple.of(size, (long) page * size);
        merchantId.ifPresent(m -> args.addString(m.value()));
        Tuple countArgs = merchantId.map(m -> Tuple.of(m.value())).orElse(Tuple.tuple());
        Uni<Long> total = pool.preparedQuery("SELECT count(*) AS n FROM key_audit_log"
                        + (merchantId.isPresent() ? " WHERE merchant_id = $1" : ""))
                .execute(countArgs).map(rows -> rows.iterator().next().getLong("n"));
        Uni<List<AuditEntry>> entries = pool.preparedQuery("SELECT " + COLUMNS + " FROM key_audit_log" + where
                        + " ORDER BY id DESC LIMIT $1 OFFSET $2")
                .execute(args).map(rows -> {
                    List<AuditEntry> list = new ArrayList<>(rows.size());
                    rows.forEach(row -> list.add(toEntry(row)));
                    return list;
                });
        return Uni.combine().all().unis(entries, total).asTuple()
                .map(t -> new AuditPage(t.getItem1(), page, size, t.getItem2()));
    }

    static Tuple values(AuditEntry entry) {
        return Tuple.from(new Object[]{
                PgKeyCustodyStore.utc(entry.occurredAt()), entry.actor().name(), entry.actor().role().name(),
                entry.actor().origin(), entry.action().name(), entry.outcome().name(),
                entry.merchantId().map(MerchantId::value).orElse(null),
                entry.keyVersion().map(KeyVersion::value).orElse(null), entry.kid().orElse(null), entry.detail()});
    }

    private static AuditEntry toEntry(Row row) {
        String merchant = row.getString("merchant_id");
        Integer version = row.getInteger("key_version");
        return new AuditEntry(Optional.of(row.getLong("id")), PgKeyCustodyStore.instant(row, "occurred_at"),
                new Actor(row.getString("actor"), ActorRole.valueOf(row.getString("actor_role")),
                        row.getString("origin")),
                AuditAction.valueOf(row.getString("action")), AuditEntry.Outcome.valueOf(row.getString("outcome")),
                Optional.ofNullable(merchant).map(MerchantId::of), Optional.ofNullable(version).map(KeyVersion::of),
                Optional.ofNullable(row.getString("kid")), row.getString("detail"));
    }
}
