package org.caisse.common.seal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class JsonSealStringTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void nestedObjectsContributeTheirSortedValuesInPlace() {
        Map<String, Object> json = Map.of(
                "b", "B",
                "a", Map.of("z", "Z", "y", Map.of("2", "two", "1", "one")),
                "c", "C");
        assertThat(JsonSealString.of(json, Set.of())).isEqualTo("onetwoZBC");
    }

    @Test
    void arraysKeepTheirOrderAndMayHoldObjects() {
        Map<String, Object> json = Map.of(
                "list", List.of("VISA", "CB", Map.of("b", 2, "a", 1)),
                "after", "X");
        assertThat(JsonSealString.of(json, Set.of())).isEqualTo("XVISACB12");
    }

    @Test
    void nullsAreSkippedBooleansAndNumbersWrittenAsText() {
        Map<String, Object> json = new HashMap<>();
        json.put("a", null);
        json.put("b", true);
        json.put("c", false);
        json.put("d", new BigDecimal("10.50"));
        json.put("e", 10.0d);
        json.put("f", 12345678901234L);
        json.put("g", new BigDecimal("1E+3"));
        json.put("h", Arrays.asList("x", null, "y"));
        assertThat(JsonSealString.of(json, Set.of())).isEqualTo("truefalse10.501012345678901234" + "1000" + "xy");
    }

    @Test
    void exclusionsApplyOnlyAtTheTopLevel() {
        Map<String, Object> json = Map.of("seal", "S", "nested", Map.of("seal", "kept"), "keyVersion", 2);
        assertThat(JsonSealString.of(json, JsonSealString.REQUEST_EXCLUSIONS)).isEqualTo("kept");
        assertThat(JsonSealString.of(json, JsonSealString.RESPONSE_EXCLUSIONS)).isEqualTo("2kept");
        assertThat(JsonSealString.RESPONSE_EXCLUSIONS).containsExactly("seal");
        assertThat(JsonSealString.REQUEST_EXCLUSIONS).containsExactlyInAnyOrder("keyVersion", "sealAlgorithm", "seal");
    }

    @Test
    void aJacksonTreeGivesTheSameStringAsMaps() throws Exception {
        String text = "{\"seal\":\"x\",\"amount\":10,\"customerContact\":{\"lastname\":\"Doe\",\"firstname\":\"J\"},"
                + "\"paymentMeanBrandList\":[\"VISA\",\"CB\"],\"nothing\":null,\"flag\":true,\"rate\":1.25}";
        @SuppressWarnings("unchecked")
        Map<String, Object> map = MAPPER.readValue(text, Map.class);
        assertThat(JsonSealString.of(MAPPER.readTree(text), JsonSealString.RESPONSE_EXCLUSIONS))
                .isEqualTo(JsonSealString.of(map, JsonSealString.RESPONSE_EXCLUSIONS))
                .isEqualTo("10JDoetrueVISACB1.25");
    }

    @Property
    void theStringDoesNotDependOnKeyInsertionOrder(@ForAll("flatObjects") Map<String, String> json) {
        Map<String, String> reversed = new java.util.LinkedHashMap<>();
        List<String> keys = new java.util.ArrayList<>(json.keySet());
        java.util.Collections.reverse(keys);
        keys.forEach(k -> reversed.put(k, json.get(k)));
        assertThat(JsonSealString.of(reversed, Set.of())).isEqualTo(JsonSealString.of(json, Set.of()));
        StringBuilder expected = new StringBuilder();
        new java.util.TreeMap<>(json).values().forEach(expected::append);
        assertThat(JsonSealString.of(json, Set.of())).isEqualTo(expected.toString());
    }

    @Provide
    Arbitrary<Map<String, String>> flatObjects() {
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(10)).ofMaxSize(8);
    }
}
