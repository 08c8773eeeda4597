package org.caisse.officeserver.application.office;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.caisse.officeserver.domain.guard.IdempotencyKey;

/**
 * What the transport knows about one Office call beyond its parsed body: the exact body bytes (hashed for
 * idempotency), the optional {@code Idempotency-Key}, and how a reply body becomes the bytes sent (so a stored
 * answer is the very bytes the merchant first received).
 */
public record OfficeCall(byte[] rawBody, Optional<IdempotencyKey> idempotencyKey,
                         Function<Map<String, Object>, byte[]> encoder) {

    /** A call without an idempotency key. */
    public static OfficeCall plain(byte[] rawBody, Function<Map<String, Object>, byte[]> encoder) {
        return new OfficeCall(rawBody, Optional.empty(), encoder);
    }
}
