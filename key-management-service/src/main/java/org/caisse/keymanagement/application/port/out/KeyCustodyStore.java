package org.caisse.keymanagement.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import org.caisse.keymanagement.domain.custody.RevocationApproval;
import java.util.function.Function;
import org.caisse.keymanagement.application.CseKeyView;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.custody.SealKeyVersion;

/**
 * Where key custody state lives. Every state change runs in {@link #inTransaction}: the change, its key events
 * (outbox) and its audit line commit together or not at all.
 */
public interface KeyCustodyStore {

    /** Runs {@code work} in one database transaction, committed when its Uni succeeds, rolled back otherwise. */
    <T> Uni<T> inTransaction(Function<KeyCustodyTransaction, Uni<T>> work);

    /** Every seal key version of the merchant (metadata only), oldest first. */
    Uni<List<SealKeyVersion>> sealKeys(MerchantId merchantId);

    /** Every CSE key pair of the merchant (metadata only), newest first. */
    Uni<List<CseKeyView>> cseKeys(MerchantId merchantId);

    /** The merchant's revocations still waiting for a second custodian at {@code now}, oldest first. */
    Uni<List<RevocationApproval>> pendingRevocations(MerchantId merchantId, Instant now);
}
