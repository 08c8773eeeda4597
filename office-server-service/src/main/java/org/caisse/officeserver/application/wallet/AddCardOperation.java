package org.caisse.officeserver.application.wallet;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.common.sips.ResponseCode;
import org.caisse.officeserver.application.office.AuthenticatedRequest;
import org.caisse.officeserver.application.port.out.WalletGateway;
import org.caisse.officeserver.application.port.out.WalletGateway.Added;
import org.caisse.officeserver.application.port.out.WalletGateway.Refused;
import org.caisse.officeserver.domain.office.FieldFormatException;
import org.caisse.officeserver.domain.wallet.CardToAdd;
import org.caisse.officeserver.domain.wallet.WalletRequestFields;

/**
 * {@code wallet/addCard}: puts a card in the customer's wallet (created by its first card) and answers its
 * {@code paymentMeanId} and {@code maskedPan}. The same card added again answers its existing payment mean. The card
 * number is passed to the wallet store only, never logged or answered.
 */
@ApplicationScoped
public class AddCardOperation extends WalletOperation {

    private final WalletGateway wallets;

    @Inject
    public AddCardOperation(WalletGateway wallets) {
        this.wallets = wallets;
    }

    @Override
    public String name() {
        return "addCard";
    }

    @Override
    public Uni<Map<String, Object>> execute(AuthenticatedRequest request) {
        var fields = request.fields();
        String wallet = WalletRequestFields.merchantWalletId(fields);
        CardToAdd card = new CardToAdd(WalletRequestFields.cardNumber(fields),
                WalletRequestFields.cardExpiryDate(fields),
                WalletRequestFields.optionalAlias(fields).orElse(null),
                WalletRequestFields.optionalBrand(fields).orElse(null));
        return wallets.addCard(request.merchantId(), wallet, card).map(outcome -> switch (outcome) {
            case Added added -> withPaymentMean(done(), added.paymentMean()).asMap();
            case Refused refused -> refusal(refused.field());
        });
    }

    /** The wallet store's refusal of a field we had found well-formed: the card itself is refused. */
    static Map<String, Object> refusal(String field) {
        return switch (field) {
            case "card.number" -> only(ResponseCode.INVALID_CARD_DATA);
            case "card.expiryDate" -> only(ResponseCode.CARD_EXPIRED);
            case "paymentMeanAlias", "paymentMeanBrand", "merchantWalletId" -> throw new FieldFormatException(field);
            default -> only(ResponseCode.INVALID_TRANSACTION);
        };
    }
}
