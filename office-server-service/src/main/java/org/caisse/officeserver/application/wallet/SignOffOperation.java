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
 * {@code wallet/signOff}: closes the customer's wallet, every payment mean deleted. A wallet unknown, already empty or
 * another merchant's → 25.
 */
@ApplicationScoped
public class SignOffOperation extends WalletOperation {

    private final WalletGateway wallets;

    @Inject
    public SignOffOperation(WalletGateway wallets) {
        this.wallets = wallets;
    }

    @Override
    public String name() {
        return "signOff";
    }

    @Override
    public Uni<Map<String, Object>> execute(AuthenticatedRequest request) {
        String wallet = WalletRequestFields.merchantWalletId(request.fields());
        return wallets.signOff(request.merchantId(), wallet).map(closed -> closed
                ? done().asMap()
                : only(ResponseCode.TRANSACTION_UNKNOWN));
    }
}
