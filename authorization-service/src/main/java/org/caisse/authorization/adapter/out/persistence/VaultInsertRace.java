package org.caisse.authorization.adapter.out.persistence;

import io.vertx.pgclient.PgException;
import java.util.Set;

/**
 * Recognises the failure of a vault upsert that lost a race with another statement inserting the same new card.
 * {@code ON CONFLICT (id)} only arbitrates the primary key: when two statements both find no row yet, the later one
 * waits on the earlier one's entry in another unique index of {@code card_vault} and fails with a unique violation
 * (or, with the transaction's own indexes in the other order, a deadlock) instead of updating the row. The failed
 * statement wrote nothing, and running it again finds the committed row and takes the update path.
 */
final class VaultInsertRace {

    static final int ATTEMPTS = 4;

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DEADLOCK_DETECTED = "40P01";
    private static final Set<String> NON_ARBITER_CONSTRAINTS =
            Set.of("card_vault_merchant_token_uk", "card_vault_id_merchant_uk");

    private VaultInsertRace() {
    }

    static boolean lost(Throwable failure) {
        if (!(failure instanceof PgException pg)) {
            return false;
        }
        return DEADLOCK_DETECTED.equals(pg.getSqlState())
                || UNIQUE_VIOLATION.equals(pg.getSqlState()) && NON_ARBITER_CONSTRAINTS.contains(pg.getConstraint());
    }
}
