package org.caisse.notification;

import org.caisse.common.testing.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainDependsOnlyOnTheJdkAndTheSharedKernel() {
        HexagonalArchitecture.assertDomainIsPure("org.caisse.notification");
    }
}
