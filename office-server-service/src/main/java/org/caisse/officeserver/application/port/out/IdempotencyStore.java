package org.caisse.officeserver.application.port.out;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * Idempotency keys of Office calls, per (sealed merchant, key). The claim is atomic: of two concurrent
 * requests with the same key exactly one gets {@link Claim.Claimed}.
 */
public interface IdempotencyStore {

    sealed interface Claim {
    }

    /** The key is ours: execute, then {@link #complete} or {@link #release}. */
    record Claimed() implements Claim {
    }

    /** The same request was answered already: these exact bytes. */
    record Completed(int httpStatus, byte[] body) implements Claim {
    }

    /** The same request is still running elsewhere. */
    record InProgress() implements Claim {
    }

    /** The key was used for another request body. */
    record OtherRequest() implements Claim {
    }

    /**
     * Claims the key for {@code requestHash} for {@code ttl}, unless a live row holds it; a row whose request
     * never finished within {@code inProgressLease} can be claimed again.
     */
    Uni<Claim> claim(String merchantId, String key, byte[] requestHash, Duration ttl, Duration inProgressLease);

    /** Stores the answer of a claimed key. */
    Uni<Void> complete(String merchantId, String key, byte[] requestHash, int httpStatus, byte[] body);

    /** Gives a claimed, unanswered key back (the outcome is unknown: a retry must execute again). */
    Uni<Void> release(String merchantId, String key, byte[] requestHash);

    /** Deletes up to {@code limit} expired keys; answers how many. */
    Uni<Integer> pruneExpired(int limit);
}
