package org.caisse.keymanagement.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import org.caisse.keymanagement.application.MerchantKeyService;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.SecretKeyMaterial;

/** Test data through the real service and database: fresh merchants each run, since the database persists. */
public final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    /** A 15-digit merchant id starting with 9 (the demo merchant starts with 0), random per call. */
    public static String freshMerchantId() {
        StringBuilder id = new StringBuilder("9");
        for (int i = 0; i < 14; i++) {
            id.append(RANDOM.nextInt(10));
        }
        return id.toString();
    }

    public static String freshSecret() {
        return "secret-" + Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong());
    }

    public static MerchantKeyId importActive(MerchantKeyService service, String merchantId, int version, String secret) {
        MerchantKeyId id = MerchantKeyId.of(merchantId, version);
        service.importKey(id, KeyEnvironment.TEST, SecretKeyMaterial.of(secret)).await().indefinitely();
        return id;
    }

    /** Changes the lifecycle columns only (they are not part of the encryption binding). */
    public static void setLifecycle(Pool pool, MerchantKeyId id, KeyStatus status, Instant notAfter) {
        pool.preparedQuery("UPDATE merchant_secret_key SET status = $1, not_after = $2 "
                        + "WHERE merchant_id = $3 AND key_version = $4")
                .execute(Tuple.of(status.name(), notAfter == null ? null : notAfter.atOffset(ZoneOffset.UTC),
                        id.merchantId().value(), id.keyVersion().value()))
                .await().indefinitely();
    }
}
