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
 * {@code wallet/deletePaymentMean}: removes one payment mean from a wallet (its rank is never given again). Unknown,
 * already deleted or another merchant's → 25.
 */
@ApplicationScoped
public class DeletePaymentMeanOperation extends WalletOperation {

    private final WalletGateway wallets;

    @Inject
    public DeletePaymentMeanOperation(WalletGateway wallets) {
        this.wallets = wallets;
    }

    @Override
    public String name() {
        return "deletePaymentMean";
    }

    @Override
    public Uni<Map<String, Object>> execute(AuthenticatedRequest request) {
        String wallet = WalletRequestFields.merchantWalletId(request.fields());
        String paymentMeanId = WalletRequestFields.paymentMeanId(request.fields());
        return wallets.deletePaymentMean(request.merchantId(), wallet, paymentMeanId).map(deleted -> deleted
                ? done().put("paymentMeanId", paymentMeanId).asMap()
                : only(ResponseCode.TRANSACTION_UNKNOWN));
    }
}
