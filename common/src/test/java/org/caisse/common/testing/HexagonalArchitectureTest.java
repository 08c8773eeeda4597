package org.caisse.common.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rule proven on fixture packages (src/test/java/org/caisse/fixture). */
class HexagonalArchitectureTest {

    private static JavaClasses fixtures(String pkg) {
        return new ClassFileImporter().importPackages(pkg);
    }

    @Test
    void aPureDomainWithPortsAndAdaptersPasses() {
        assertThatCode(() -> HexagonalArchitecture.assertDomainIsPure(
                fixtures("org.caisse.fixture.pure"), "org.caisse.fixture.pure")).doesNotThrowAnyException();
    }

    @Test
    void aDomainClassUsingAnAdapterFails() {
        assertThatThrownBy(() -> HexagonalArchitecture.assertDomainIsPure(
                fixtures("org.caisse.fixture.leaky"), "org.caisse.fixture.leaky"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyPayment")
                .hasMessageContaining("org.caisse.fixture.leaky.adapter.Row");
    }

    @Test
    void aDomainClassUsingALibraryAndAnApplicationUsingAnAdapterFail() {
        assertThatThrownBy(() -> HexagonalArchitecture.domainRule("org.caisse.fixture.crossing")
                .check(fixtures("org.caisse.fixture.crossing")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.fasterxml.jackson.databind.JsonNode");
        assertThatThrownBy(() -> HexagonalArchitecture.applicationRule("org.caisse.fixture.crossing")
                .check(fixtures("org.caisse.fixture.crossing")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlaceOrder");
    }

    @Test
    void aMistypedBasePackageWithoutDomainFails() {
        assertThatThrownBy(() -> HexagonalArchitecture.assertDomainIsPure("org.caisse.nosuchservice"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void commonTestSupportIsNotAllowedInADomain() {
        assertThatThrownBy(() -> HexagonalArchitecture.assertDomainIsPure(
                fixtures("org.caisse.fixture.testsupport"), "org.caisse.fixture.testsupport"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.caisse.common.testing.ContainersAvailability");
    }
}
