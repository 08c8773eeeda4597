package org.caisse.officeserver.application.wallet;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.caisse.common.sips.ResponseCode;
import org.caisse.officeserver.application.office.OfficeOperation;
import org.caisse.officeserver.domain.office.ResponseFields;
import org.caisse.officeserver.domain.wallet.WalletPaymentMean;

/**
 * What the six {@code wallet/*} Office services share (SIPS.md §5): the {@code WR_WS_} interface, answers carrying
 * {@code walletResponseCode} (the pipeline's own refusals included), the payment mean's Sips fields.
 */
abstract class WalletOperation implements OfficeOperation {

    static final String CODE_FIELD = "walletResponseCode";
    /** Sips date-times carry an explicit offset ({@code +00:00}, never {@code Z}). */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    @Override
    public final String family() {
        return "wallet";
    }

    @Override
    public final String interfaceVersionPrefix() {
        return "WR_WS_";
    }

    @Override
    public final String responseCodeField() {
        return CODE_FIELD;
    }

    static ResponseFields answer(ResponseCode code) {
        return new ResponseFields().put(CODE_FIELD, code.code());
    }

    static Map<String, Object> only(ResponseCode code) {
        return answer(code).asMap();
    }

    /** An accepted change, dated. */
    static ResponseFields done() {
        return answer(ResponseCode.ACCEPTED).put("walletActionDateTime",
                DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)));
    }

    /** The payment mean's fields, as in {@code walletPaymentMeanDataList} (values left out when empty). */
    static ResponseFields withPaymentMean(ResponseFields response, WalletPaymentMean mean) {
        return response.put("paymentMeanId", mean.paymentMeanId())
                .put("maskedPan", mean.maskedPan())
                .put("panExpiryDate", mean.panExpiryDate())
                .put("paymentMeanBrand", mean.paymentMeanBrand())
                .put("paymentMeanAlias", mean.paymentMeanAlias());
    }
}
