package org.caisse.officeserver;

import org.caisse.common.testing.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainDependsOnlyOnTheJdkAndTheSharedKernel() {
        HexagonalArchitecture.assertDomainIsPure("org.caisse.officeserver");
    }
}
