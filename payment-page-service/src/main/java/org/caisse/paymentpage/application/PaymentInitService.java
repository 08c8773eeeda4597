package org.caisse.paymentpage.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.caisse.common.data.SipsData;
import org.caisse.common.keys.KeyLookup;
import org.caisse.common.seal.SealAlgorithm;
import org.caisse.common.seal.Seals;
import org.caisse.paymentpage.application.port.out.MerchantKeys;
import org.caisse.paymentpage.application.port.out.MerchantSettingsStore;
import org.caisse.paymentpage.application.port.out.PaymentRequestStore;
import org.caisse.paymentpage.config.PaymentPageConfig;
import org.caisse.paymentpage.domain.InterfaceVersion;
import org.caisse.paymentpage.domain.MerchantSettings;
import org.caisse.paymentpage.domain.PaymentRequest;
import org.caisse.paymentpage.domain.PaymentRequestRejected;
import org.caisse.paymentpage.domain.PaymentStatus;
import org.caisse.paymentpage.domain.PaypageRequest;
import org.caisse.paymentpage.domain.PaypageRequestRules;
import org.caisse.paymentpage.domain.S10References;
import org.jboss.logging.Logger;

/**
 * Receives a merchant's Paypage POST: checks it in the documented order (interface version, encoding,
 * syntax, required fields, merchant, seal, optional fields, URLs, reference reuse) and stores the payment
 * request. A refusal is a failed Uni carrying {@link PaymentRequestRejected}; nothing is stored then.
 */
@ApplicationScoped
public class PaymentInitService {

    private static final Logger LOG = Logger.getLogger(PaymentInitService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MerchantSettingsStore merchants;
    private final MerchantKeys keys;
    private final PaymentRequestStore store;
    private final Clock clock;
    private final PaymentPageConfig config;

    public PaymentInitService(MerchantSettingsStore merchants, MerchantKeys keys, PaymentRequestStore store,
                              Clock clock, PaymentPageConfig config) {
        this.merchants = merchants;
        this.keys = keys;
        this.store = store;
        this.clock = clock;
        this.config = config;
    }

    public Uni<PaymentRequest> init(PaypagePost post) {
        InterfaceVersion version;
        PaypageRequest request;
        try {
            version = InterfaceVersion.requirePaypagePost(post.interfaceVersion(), PaypageRequestRules.FIELD_INTERFACE_VERSION);
            String text = PaypageRequestRules.decodeData(post.data(), post.encode());
            SipsData data = S10References.apply(PaypageRequestRules.parse(text), S10References.today(clock));
            request = PaypageRequestRules.requireFields(data);
        } catch (PaymentRequestRejected rejected) {
            return Uni.createFrom().failure(rejected);
        }
        return merchants.find(request.merchantId())
                .onItem().transformToUni(found -> {
                    MerchantSettings merchant = found.orElseThrow(() -> PaymentRequestRejected.of("03"));
                    SealAlgorithm algorithm = PaypageRequestRules.sealAlgorithm(post.sealAlgorithm(), merchant);
                    return keys.find(request.merchantId(), request.keyVersion())
                            .onFailure().transform(e -> {
                                LOG.warnf("Key service unavailable for merchant %s: %s", request.merchantId(), e.getClass().getSimpleName());
                                return PaymentRequestRejected.of("90");
                            })
                            .onItem().transformToUni(lookup -> {
                                if (!(lookup instanceof KeyLookup.Found foundKey)) {
                                    throw PaymentRequestRejected.of("34");
                                }
                                if (!merchant.acceptsKeyOf(foundKey.key().environment())) {
                                    LOG.warnf("TEST key version %d refused for PRODUCTION merchant %s",
                                            foundKey.key().keyVersion(), request.merchantId());
                                    throw PaymentRequestRejected.of("34");
                                }
                                if (!Seals.matches(algorithm, foundKey.key().secretKey(), post.data(), post.seal())) {
                                    throw PaymentRequestRejected.of("34");
                                }
                                PaypageRequestRules.checkOptionalFields(request);
                                PaypageRequestRules.checkUrls(request, merchant);
                                PaypageRequestRules.checkCurrency(request, merchant);
                                PaymentRequest created = newRequest(request, algorithm, post, version);
                                return store.insert(created).map(inserted -> {
                                    if (!inserted) {
                                        throw PaymentRequestRejected.of("94");
                                    }
                                    LOG.infof("Payment request %s stored for merchant %s reference %s", created.id(),
                                            request.merchantId(), request.transactionReference());
                                    return created;
                                });
                            });
                });
    }

    private PaymentRequest newRequest(PaypageRequest request, SealAlgorithm algorithm, PaypagePost post, InterfaceVersion version) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        Instant now = clock.instant();
        String encode = post.encode() == null || post.encode().isEmpty() ? "" : "base64";
        return new PaymentRequest(UUID.randomUUID(), request, algorithm, encode, post.interfaceVersion().strip(),
                HexFormat.of().formatHex(token), PaymentStatus.PENDING, null, now, now.plus(config.ttl()), null);
    }
}
