package org.caisse.authorization.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caisse.authorization.application.port.out.TransactionStore;

/** Reads a merchant's transaction with its operation history. */
@ApplicationScoped
public class TransactionQueryService {

    private final TransactionStore store;
    private final EngineSettings settings;

    public TransactionQueryService(TransactionStore store, EngineSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** @return {@code {transaction, operations}}, empty when that merchant has no such transaction */
    public Uni<Optional<Map<String, Object>>> find(String merchantId, String transactionReference) {
        return store.find(merchantId, transactionReference).map(found -> found.map(history -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("transaction", TransactionSnapshots.of(history.transaction(), settings.zone()));
            List<Map<String, Object>> operations = history.operations().stream().map(op -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("name", op.name());
                line.put("amount", op.amount());
                line.put("dateTime", TransactionSnapshots.formatDateTime(op.dateTime(), settings.zone()));
                line.put("responseCode", op.responseCode());
                return line;
            }).toList();
            body.put("operations", operations);
            return body;
        }));
    }
}
