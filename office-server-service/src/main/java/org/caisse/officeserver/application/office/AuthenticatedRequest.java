package org.caisse.officeserver.application.office;

import org.caisse.officeserver.domain.office.CommonRequestFields;
import org.caisse.officeserver.domain.office.RequestFields;

/**
 * An Office request whose seal was verified with the key of {@code common.merchantId()}: that merchant
 * is the only one an operation may act for.
 */
public record AuthenticatedRequest(CommonRequestFields common, RequestFields fields) {

    public String merchantId() {
        return common.merchantId();
    }
}
