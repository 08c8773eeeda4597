package org.caisse.common.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class SipsDataTest {

    static final String EXAMPLE = "amount=1000|currencyCode=978|merchantId=002001000000001"
            + "|normalReturnUrl=http://localhost/return|transactionReference=TREF0001|keyVersion=1|orderChannel=INTERNET";

    @Test
    void parsesTheSipsExampleKeepingOrder() {
        SipsData data = SipsData.parse(EXAMPLE);
        assertThat(data.asMap()).containsExactly(
                Map.entry("amount", "1000"), Map.entry("currencyCode", "978"),
                Map.entry("merchantId", "002001000000001"), Map.entry("normalReturnUrl", "http://localhost/return"),
                Map.entry("transactionReference", "TREF0001"), Map.entry("keyVersion", "1"),
                Map.entry("orderChannel", "INTERNET"));
        assertThat(data.format()).isEqualTo(EXAMPLE);
        assertThat(data.get("amount")).contains("1000");
        assertThat(data.get("missing")).isEmpty();
    }

    @Test
    void pairOrderIsFree() {
        assertThat(SipsData.parse("b=2|a=1")).isEqualTo(SipsData.parse("a=1|b=2"));
    }

    @Test
    void aValueMayContainEqualsSignsAfterTheFirst() {
        SipsData data = SipsData.parse("returnContext=a=b=c|normalReturnUrl=http://shop/r?x=1&y=2");
        assertThat(data.get("returnContext")).contains("a=b=c");
        assertThat(data.get("normalReturnUrl")).contains("http://shop/r?x=1&y=2");
    }

    @Test
    void emptyValuesAreKeptWhenParsed() {
        assertThat(SipsData.parse("orderId=|amount=5").get("orderId")).contains("");
    }

    @Test
    void aPairWithoutEqualsNamesTheField() {
        assertThatThrownBy(() -> SipsData.parse("amount=1|currencyCode|merchantId=1"))
                .isInstanceOf(SipsDataFormatException.class)
                .extracting(e -> ((SipsDataFormatException) e).fieldName()).isEqualTo("currencyCode");
    }

    @Test
    void aValueContainingABarBlamesThatValuesField() {
        assertThatThrownBy(() -> SipsData.parse("returnContext=a|b c|amount=1"))
                .isInstanceOf(SipsDataFormatException.class)
                .extracting(e -> ((SipsDataFormatException) e).fieldName()).isEqualTo("returnContext");
    }

    @Test
    void anEmptyKeyIsAFormatError() {
        assertThatThrownBy(() -> SipsData.parse("amount=1|=5"))
                .isInstanceOf(SipsDataFormatException.class)
                .extracting(e -> ((SipsDataFormatException) e).fieldName()).isEqualTo("amount");
        assertThatThrownBy(() -> SipsData.parse("=5"))
                .isInstanceOf(SipsDataFormatException.class)
                .extracting(e -> ((SipsDataFormatException) e).fieldName()).isEqualTo("Data");
    }

    @Test
    void aDuplicateKeyNamesTheKey() {
        assertThatThrownBy(() -> SipsData.parse("amount=1|currencyCode=978|amount=2"))
                .isInstanceOf(SipsDataFormatException.class)
                .extracting(e -> ((SipsDataFormatException) e).fieldName()).isEqualTo("amount");
    }

    @Test
    void emptyPairsAreFormatErrors() {
        assertThatThrownBy(() -> SipsData.parse("amount=1||currencyCode=978"))
                .isInstanceOf(SipsDataFormatException.class);
        assertThatThrownBy(() -> SipsData.parse("amount=1|")).isInstanceOf(SipsDataFormatException.class);
        assertThatThrownBy(() -> SipsData.parse("|amount=1")).isInstanceOf(SipsDataFormatException.class);
    }

    @Test
    void theMessageNeverCarriesValues() {
        assertThatThrownBy(() -> SipsData.parse("cardNumber=4100000000000005|4100000000000005"))
                .isInstanceOf(SipsDataFormatException.class)
                .hasMessageNotContaining("4100000000000005");
    }

    @Test
    void nullOrEmptyTextIsEmptyData() {
        assertThat(SipsData.parse(null).isEmpty()).isTrue();
        assertThat(SipsData.parse("").format()).isEmpty();
    }

    @Test
    void listsAreCommaSeparated() {
        SipsData data = SipsData.builder().putList("paymentMeanBrandList", List.of("VISA", "MASTERCARD")).build();
        assertThat(data.format()).isEqualTo("paymentMeanBrandList=VISA,MASTERCARD");
        assertThat(SipsData.parse(data.format()).getList("paymentMeanBrandList")).containsExactly("VISA", "MASTERCARD");
        assertThat(data.getList("absent")).isEmpty();
        assertThatThrownBy(() -> SipsData.builder().putList("l", List.of("a,b")))
                .isInstanceOf(SipsDataFormatException.class);
    }

    @Test
    void builderSkipsNullAndEmptyAndRefusesABarInAValue() {
        SipsData data = SipsData.builder().put("a", (String) null).put("b", "").put("c", "x").put("d", 12L).build();
        assertThat(data.format()).isEqualTo("c=x|d=12");
        assertThatThrownBy(() -> SipsData.builder().put("returnContext", "a|b"))
                .isInstanceOf(SipsDataFormatException.class)
                .extracting(e -> ((SipsDataFormatException) e).fieldName()).isEqualTo("returnContext");
        assertThatThrownBy(() -> SipsData.builder().put("", "x")).isInstanceOf(SipsDataFormatException.class);
        assertThatThrownBy(() -> SipsData.builder().put("a=b", "x")).isInstanceOf(SipsDataFormatException.class);
    }

    @Test
    void dottedKeysBecomeNestedMapsAndBack() {
        SipsData data = SipsData.parse("amount=10|billingContact.email=a@b.c|billingContact.firstname=Ann"
                + "|s10TransactionReference.s10TransactionId=123456");
        Map<String, Object> nested = data.toNested();
        assertThat(nested).containsEntry("amount", "10");
        assertThat(nested).extractingByKey("billingContact", InstanceOfAssertFactories.MAP)
                .containsExactly(Map.entry("email", "a@b.c"), Map.entry("firstname", "Ann"));
        assertThat(nested).extractingByKey("s10TransactionReference", InstanceOfAssertFactories.MAP)
                .containsEntry("s10TransactionId", "123456");
        assertThat(SipsData.fromNested(nested)).isEqualTo(data);
        assertThat(SipsData.fromNested(nested).format()).isEqualTo(data.format());
    }

    @Test
    void aKeyThatIsBothValueAndGroupCannotNest() {
        assertThatThrownBy(() -> SipsData.parse("a=1|a.b=2").toNested())
                .isInstanceOf(SipsDataFormatException.class)
                .extracting(e -> ((SipsDataFormatException) e).fieldName()).isEqualTo("a.b");
        assertThatThrownBy(() -> SipsData.parse("a.b=2|a=1").toNested())
                .isInstanceOf(SipsDataFormatException.class);
    }

    @Test
    void fromNestedWritesNumbersListsAndSkipsNulls() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("amount", 1050);
        nested.put("brands", List.of("CB", "VISA"));
        nested.put("nothing", null);
        nested.put("contact", Map.of("email", "x@y.z"));
        assertThat(SipsData.fromNested(nested).format())
                .isEqualTo("amount=1050|brands=CB,VISA|contact.email=x@y.z");
    }

    @Test
    void base64RoundTripAndRejection() {
        String encoded = SipsData.encodeBase64(EXAMPLE + "|customerContact.lastname=Müller");
        assertThat(SipsData.decodeBase64(encoded)).isEqualTo(EXAMPLE + "|customerContact.lastname=Müller");
        assertThat(SipsData.decodeBase64(encoded.substring(0, 10) + "\r\n" + encoded.substring(10)))
                .isEqualTo(EXAMPLE + "|customerContact.lastname=Müller");
        assertThatThrownBy(() -> SipsData.decodeBase64("not base64!"))
                .isInstanceOf(SipsDataFormatException.class)
                .extracting(e -> ((SipsDataFormatException) e).fieldName()).isEqualTo("Data");
        assertThatThrownBy(() -> SipsData.decodeBase64(java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff})))
                .isInstanceOf(SipsDataFormatException.class);
    }

    @Test
    void toStringShowsKeysNotValues() {
        assertThat(SipsData.parse("cardNumber=4100000000000005").toString())
                .contains("cardNumber").doesNotContain("4100000000000005");
    }
}
