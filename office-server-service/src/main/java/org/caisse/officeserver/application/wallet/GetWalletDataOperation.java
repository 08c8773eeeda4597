package org.caisse.officeserver.application.wallet;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.common.sips.ResponseCode;
import org.caisse.officeserver.application.office.AuthenticatedRequest;
import org.caisse.officeserver.application.port.out.WalletGateway;
import org.caisse.officeserver.domain.office.ResponseFields;
import org.caisse.officeserver.domain.wallet.WalletRequestFields;

/**
 * {@code wallet/getWalletData}: the live payment means of a wallet, by rank, in {@code walletPaymentMeanDataList}. An
 * unknown, emptied or other merchant's wallet answers 25.
 */
@ApplicationScoped
public class GetWalletDataOperation extends WalletOperation {

    private final WalletGateway wallets;

    @Inject
    public GetWalletDataOperation(WalletGateway wallets) {
        this.wallets = wallets;
    }

    @Override
    public String name() {
        return "getWalletData";
    }

    @Override
    public Uni<Map<String, Object>> execute(AuthenticatedRequest request) {
        String wallet = WalletRequestFields.merchantWalletId(request.fields());
        return wallets.paymentMeans(request.merchantId(), wallet).map(means -> means.isEmpty()
                ? only(ResponseCode.TRANSACTION_UNKNOWN)
                : answer(ResponseCode.ACCEPTED)
                        .put("merchantWalletId", wallet)
                        .put("walletPaymentMeanDataList", means.stream()
                                .map(mean -> withPaymentMean(new ResponseFields(), mean).asMap())
                                .toList())
                        .asMap());
    }
}
