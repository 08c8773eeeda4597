package org.caisse.officeserver.application.transaction;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.application.port.out.TransactionReadModel;
import org.caisse.officeserver.application.port.out.TransactionReadModel.DailyTotal;
import org.caisse.officeserver.application.port.out.TransactionReadModel.Query;
import org.caisse.officeserver.domain.transaction.TransactionState;

/** The back office's questions about a merchant's transactions, answered from the read model. */
@ApplicationScoped
public class TransactionQueries {

    private final TransactionReadModel readModel;

    public TransactionQueries(TransactionReadModel readModel) {
        this.readModel = readModel;
    }

    public Uni<List<TransactionState>> list(Query query) {
        return readModel.list(query);
    }

    public Uni<List<DailyTotal>> dailyTotals(String merchantId, LocalDate from, LocalDate to) {
        return readModel.dailyTotals(merchantId, from, to);
    }
}
