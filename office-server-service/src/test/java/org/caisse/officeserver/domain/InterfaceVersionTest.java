package org.caisse.officeserver.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caisse.officeserver.domain.office.FieldFormatException;
import org.caisse.officeserver.domain.office.InterfaceVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterfaceVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"CR_WS_2.0", "CR_WS_2.3", "CR_WS_2.45", "CR_WS_3.1"})
    void acceptsEveryVersionOfTheRightPrefixFromTwoUp(String value) {
        assertThat(InterfaceVersion.parse(value, "CR_WS_").wireValue()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DR_WS_2.3", "CR_WS_1.9", "CR_WS_", "CR_WS_2", "CR_WS_2.x", "cr_ws_2.3", "CR_WS_2.3 ", ""})
    void refusesAnotherPrefixAnOlderVersionOrAMalformedOne(String value) {
        assertThatThrownBy(() -> InterfaceVersion.parse(value, "CR_WS_"))
                .isInstanceOf(FieldFormatException.class)
                .extracting(e -> ((FieldFormatException) e).fieldName()).isEqualTo("interfaceVersion");
    }

    @Test
    void refusesANonString() {
        assertThatThrownBy(() -> InterfaceVersion.parse(2.3, "CR_WS_")).isInstanceOf(FieldFormatException.class);
    }
}
