package org.caisse.keymanagement;

import org.caisse.common.testing.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainDependsOnlyOnTheJdkAndCommonAndApplicationNeverOnAdapters() {
        HexagonalArchitecture.assertDomainIsPure("org.caisse.keymanagement");
    }
}
