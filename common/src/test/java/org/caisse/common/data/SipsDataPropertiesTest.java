package org.caisse.common.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class SipsDataPropertiesTest {

    @Property
    void formatThenParseGivesTheSameData(@ForAll("data") SipsData data) {
        SipsData parsed = SipsData.parse(data.format());
        assertThat(parsed.asMap()).containsExactlyEntriesOf(data.asMap());
        assertThat(parsed.format()).isEqualTo(data.format());
    }

    @Property
    void base64IsLosslessAndItsDecodedFormParsesBack(@ForAll("data") SipsData data) {
        String encoded = SipsData.encodeBase64(data.format());
        assertThat(encoded).matches("[A-Za-z0-9+/=]*");
        assertThat(SipsData.parse(SipsData.decodeBase64(encoded))).isEqualTo(data);
    }

    @Property
    void nestedFieldsRoundTripThroughMaps(@ForAll("nestedData") SipsData data) {
        assertThat(SipsData.fromNested(data.toNested()).asMap()).containsExactlyInAnyOrderEntriesOf(data.asMap());
    }

    @Property
    void listsRoundTrip(@ForAll("listElements") List<String> list) {
        SipsData data = SipsData.builder().putList("paymentMeanBrandList", list).build();
        assertThat(SipsData.parse(data.format()).getList("paymentMeanBrandList")).isEqualTo(list);
    }

    @Property
    void anyValueWithABarIsRefusedByTheBuilder(@ForAll("values") String before, @ForAll("values") String after) {
        assertThatThrownBy(() -> SipsData.builder().put("returnContext", before + "|" + after))
                .isInstanceOf(SipsDataFormatException.class);
    }

    @Property
    void insertingAPairWithoutEqualsIsAlwaysRejected(@ForAll("data") SipsData data,
                                                    @ForAll @StringLength(min = 1, max = 10) @CharRange(from = 'a', to = 'z') String junk) {
        String text = data.isEmpty() ? junk : data.format() + "|" + junk;
        assertThatThrownBy(() -> SipsData.parse(text)).isInstanceOf(SipsDataFormatException.class);
    }

    @Property
    void aRepeatedKeyIsAlwaysRejected(@ForAll("data") SipsData data) {
        if (data.isEmpty()) {
            return;
        }
        String key = data.asMap().keySet().iterator().next();
        assertThatThrownBy(() -> SipsData.parse(data.format() + "|" + key + "=again"))
                .isInstanceOf(SipsDataFormatException.class)
                .extracting(e -> ((SipsDataFormatException) e).fieldName()).isEqualTo(key);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars('_')
                .ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> values() {
        // Anything but '|', including '=', ',', '.', spaces and non-ASCII letters.
        return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').excludeChars('|').ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<SipsData> data() {
        return Arbitraries.maps(keys(), values()).ofMaxSize(12).map(SipsDataPropertiesTest::build);
    }

    @Provide
    Arbitrary<SipsData> nestedData() {
        Arbitrary<String> dotted = Combinators.combine(keys(), keys(), Arbitraries.integers().between(0, 2))
                .as((a, b, depth) -> depth == 0 ? "k" + a : depth == 1 ? "g1." + a : "g2." + b + ".leaf" + a);
        return Arbitraries.maps(dotted, values()).ofMaxSize(10).map(SipsDataPropertiesTest::build);
    }

    @Provide
    Arbitrary<List<String>> listElements() {
        return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').excludeChars('|', ',').ofMinLength(1).ofMaxLength(8)
                .list().ofMinSize(1).ofMaxSize(6);
    }

    private static SipsData build(Map<String, String> map) {
        SipsData.Builder builder = SipsData.builder();
        new ArrayList<>(new LinkedHashMap<>(map).entrySet()).forEach(e -> builder.put(e.getKey(), e.getValue()));
        return builder.build();
    }
}
