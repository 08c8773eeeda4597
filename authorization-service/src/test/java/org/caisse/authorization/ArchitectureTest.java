package org.caisse.authorization;

import org.caisse.common.testing.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainDependsOnlyOnJavaAndTheSharedKernel() {
        HexagonalArchitecture.assertDomainIsPure("org.caisse.authorization");
    }
}
