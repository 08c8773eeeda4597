package org.caisse.officeserver.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.caisse.officeserver.domain.office.OperationIds;
import org.junit.jupiter.api.Test;

class OperationIdsTest {

    private static final String SEAL = "8df81c078f6f5194a36ee368cc55dc59efc4dfc20849793802e38e59954d363b";

    @Test
    void theSameSealedRequestAlwaysGivesTheSameOperationId() {
        UUID first = OperationIds.forSealedRequest("cashManagement/cancel", "002001000000001", SEAL);
        assertThat(OperationIds.forSealedRequest("cashManagement/cancel", "002001000000001", SEAL.toUpperCase()))
                .isEqualTo(first);
        assertThat(first.version()).isEqualTo(8);
        assertThat(first.variant()).isEqualTo(2);
    }

    @Test
    void anotherMerchantServiceOrSealGivesAnotherId() {
        UUID id = OperationIds.forSealedRequest("cashManagement/cancel", "002001000000001", SEAL);
        assertThat(OperationIds.forSealedRequest("cashManagement/cancel", "002001000000002", SEAL)).isNotEqualTo(id);
        assertThat(OperationIds.forSealedRequest("cashManagement/refund", "002001000000001", SEAL)).isNotEqualTo(id);
        assertThat(OperationIds.forSealedRequest("cashManagement/cancel", "002001000000001", "00" + SEAL.substring(2)))
                .isNotEqualTo(id);
    }
}
