package org.caisse.authorization.adapter.out.cse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.nimbusds.jose.jwk.ECKey;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.caisse.authorization.application.port.out.CardDecryptionException;
import org.caisse.authorization.application.port.out.CardDecryptionException.Reason;
import org.caisse.authorization.application.port.out.DecryptedCard;
import org.caisse.authorization.application.port.out.EncryptedCardDecryptor;
import org.caisse.authorization.support.CseBlobs;
import org.caisse.authorization.support.FakeKeyManagement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The decryptor as the application gets it: configuration, the service JWT signed with this service's own key
 * (the key service stand-in checks it against the platform JWKS), the HTTP client.
 */
@QuarkusTest
class CseDecryptionWiringTest {

    @Inject
    EncryptedCardDecryptor decryptor;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "caisse.key-management.url")
    String keyManagementUrl;

    @Test
    void theTestsTalkToTheSharedKeyServiceStandIn() {
        assertThat(keyManagementUrl).isEqualTo(FakeKeyManagement.shared().url().toString());
    }

    @Test
    void decryptsABlobWithAKeyFetchedUnderAGenuineServiceToken() {
        String merchant = "002001000000001";
        ECKey key = CseBlobs.newKeyPair(merchant);
        FakeKeyManagement.shared().register(merchant, key);

        DecryptedCard card = decryptor.decrypt(merchant,
                CseBlobs.encrypt(key.toPublicJWK(), "5100000000000000", "203001", null)).await()
                .atMost(Duration.ofSeconds(10));

        assertThat(card.pan()).isEqualTo("5100000000000000");
        assertThat(card.expiry()).isEqualTo(YearMonth.of(2030, 1));
        assertThat(card.csc()).isNull();
    }

    @Test
    void aCallerOnAVertxContextContinuesOnItAfterTheKeyIsFetched() throws Exception {
        String merchant = "002001000000001";
        ECKey key = CseBlobs.newKeyPair(merchant);
        FakeKeyManagement.shared().register(merchant, key);
        String blob = CseBlobs.encrypt(key.toPublicJWK(), "5100000000000000", "203001", "123");
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Boolean> onSameContext = new CompletableFuture<>();

        context.runOnContext(ignored -> decryptor.decrypt(merchant, blob).subscribe().with(
                card -> onSameContext.complete(Vertx.currentContext() == context),
                onSameContext::completeExceptionally));

        assertThat(onSameContext.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStaleBlobIsRefusedWithTheDefaultWindowOf24Hours() {
        String merchant = "002001000000001";
        ECKey key = CseBlobs.newKeyPair(merchant);
        FakeKeyManagement.shared().register(merchant, key);
        String blob = CseBlobs.encrypt(key.toPublicJWK(), "5100000000000000", "203001", "123",
                Instant.now().minus(Duration.ofHours(25)));

        Throwable thrown = catchThrowable(() -> decryptor.decrypt(merchant, blob).await().atMost(Duration.ofSeconds(10)));

        assertThat(thrown).isInstanceOfSatisfying(CardDecryptionException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.STALE));
    }
}
