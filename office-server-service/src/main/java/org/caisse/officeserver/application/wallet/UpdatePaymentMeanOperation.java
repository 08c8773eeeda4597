package org.caisse.officeserver.application.wallet;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.common.sips.ResponseCode;
import org.caisse.officeserver.application.office.AuthenticatedRequest;
import org.caisse.officeserver.application.port.out.WalletGateway;
import org.caisse.officeserver.domain.wallet.WalletRequestFields;

/**
 * {@code wallet/updatePaymentMean}: renames a payment mean ({@code paymentMeanAlias}, required). The card itself
 * (number, expiry, brand) is not changed here: a renewed card is added with {@code addCard}. Unknown, deleted or
 * another merchant's → 25.
 */
@ApplicationScoped
public class UpdatePaymentMeanOperation extends WalletOperation {

    private final WalletGateway wallets;

    @Inject
    public UpdatePaymentMeanOperation(WalletGateway wallets) {
        this.wallets = wallets;
    }

    @Override
    public String name() {
        return "updatePaymentMean";
    }

    @Override
    public Uni<Map<String, Object>> execute(AuthenticatedRequest request) {
        var fields = request.fields();
        String wallet = WalletRequestFields.merchantWalletId(fields);
        String paymentMeanId = WalletRequestFields.paymentMeanId(fields);
        String alias = WalletRequestFields.requiredAlias(fields);
        return wallets.updateAlias(request.merchantId(), wallet, paymentMeanId, alias).map(found -> found
                .map(mean -> withPaymentMean(done(), mean).asMap())
                .orElseGet(() -> only(ResponseCode.TRANSACTION_UNKNOWN)));
    }
}
