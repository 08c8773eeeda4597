package org.caisse.officeserver.application.wallet;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.common.sips.ResponseCode;
import org.caisse.officeserver.application.office.AuthenticatedRequest;
import org.caisse.officeserver.application.port.out.WalletGateway;
import org.caisse.officeserver.domain.wallet.WalletRequestFields;

/** {@code wallet/getPaymentMeanData}: one live payment mean of a wallet; unknown, deleted or another merchant's → 25. */
@ApplicationScoped
public class GetPaymentMeanDataOperation extends WalletOperation {

    private final WalletGateway wallets;

    @Inject
    public GetPaymentMeanDataOperation(WalletGateway wallets) {
        this.wallets = wallets;
    }

    @Override
    public String name() {
        return "getPaymentMeanData";
    }

    @Override
    public Uni<Map<String, Object>> execute(AuthenticatedRequest request) {
        String wallet = WalletRequestFields.merchantWalletId(request.fields());
        String paymentMeanId = WalletRequestFields.paymentMeanId(request.fields());
        return wallets.paymentMean(request.merchantId(), wallet, paymentMeanId).map(found -> found
                .map(mean -> withPaymentMean(answer(ResponseCode.ACCEPTED), mean).asMap())
                .orElseGet(() -> only(ResponseCode.TRANSACTION_UNKNOWN)));
    }
}
