package org.caisse.paymentpage;

import org.caisse.common.testing.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainDependsOnlyOnTheJdkAndTheSharedKernel() {
        HexagonalArchitecture.assertDomainIsPure("org.caisse.paymentpage");
    }
}
