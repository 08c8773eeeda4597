package org.caisse.batch;

import org.caisse.common.testing.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainDependsOnlyOnTheJdkAndCommonAndApplicationNeverOnAdapters() {
        HexagonalArchitecture.assertDomainIsPure("org.caisse.batch");
    }
}
