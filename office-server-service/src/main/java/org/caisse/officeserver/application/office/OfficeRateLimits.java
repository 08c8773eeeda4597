package org.caisse.officeserver.application.office;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.caisse.officeserver.config.OfficeGuardConfig;
import org.caisse.officeserver.domain.guard.TokenBuckets;

/**
 * The two request budgets of the Office API, in memory on each replica: per client address (taken before
 * anything else, so a flood cannot make us parse JSON, fetch keys or compute HMACs at will) and per sealed
 * merchant (taken once the seal is verified, so nobody can spend another merchant's budget).
 */
@ApplicationScoped
public class OfficeRateLimits {

    private final TokenBuckets perClient;
    private final TokenBuckets perMerchant;

    @Inject
    public OfficeRateLimits(OfficeGuardConfig config) {
        OfficeGuardConfig.RateLimit limits = config.rateLimit();
        this.perClient = new TokenBuckets(limits.perClientPerSecond(), limits.perClientBurst(), limits.maxKeys());
        this.perMerchant = new TokenBuckets(limits.perSecond(), limits.burst(), limits.maxKeys());
    }

    public TokenBuckets.Decision forClient(String address) {
        return perClient.take(address, System.nanoTime());
    }

    public TokenBuckets.Decision forMerchant(String merchantId) {
        return perMerchant.take(merchantId, System.nanoTime());
    }
}
