package org.caisse.batch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BatchFileNameTest {

    @Test
    void plainCsvRequestNameIsParsedIntoItsParts() {
        BatchFileName name = BatchFileName.parse("OFBREQ_002001000000001_REF-2026-11-23.csv");
        assertThat(name.merchantId()).isEqualTo("002001000000001");
        assertThat(name.fileReference()).isEqualTo("REF-2026-11-23");
        assertThat(name.format()).isEqualTo(BatchFileName.Format.CSV);
        assertThat(name.zipped()).isFalse();
        assertThat(name.pgpEncrypted()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "OFBREQ_002001000000001_A1.xml,         XML, false, false",
            "OFBREQ_002001000000001_A1.csv.zip,     CSV, true,  false",
            "OFBREQ_002001000000001_A1.xml.pgp,     XML, false, true",
            "OFBREQ_002001000000001_A1.csv.zip.pgp, CSV, true,  true"})
    void wrappersAndFormatAreRecognised(String fileName, BatchFileName.Format format, boolean zipped,
                                        boolean pgp) {
        BatchFileName name = BatchFileName.parse(fileName);
        assertThat(name.format()).isEqualTo(format);
        assertThat(name.zipped()).isEqualTo(zipped);
        assertThat(name.pgpEncrypted()).isEqualTo(pgp);
        assertThat(name.requestFileName()).isEqualTo(fileName);
    }

    @Test
    void responseNameKeepsMerchantReferenceAndFormat() {
        assertThat(BatchFileName.parse("OFBREQ_002001000000001_B7.xml.zip").responseFileName())
                .isEqualTo("OFBRESP_002001000000001_B7.xml");
        assertThat(BatchFileName.parse("OFBREQ_002001000000001_B7.csv").responseFileName())
                .isEqualTo("OFBRESP_002001000000001_B7.csv");
    }

    @Test
    void fileReferenceOfThirtyFiveCharactersIsAcceptedAndThirtySixIsNot() {
        String ref35 = "A".repeat(35);
        assertThat(BatchFileName.parse("OFBREQ_002001000000001_" + ref35 + ".csv").fileReference()).isEqualTo(ref35);
        assertThatThrownBy(() -> BatchFileName.parse("OFBREQ_002001000000001_" + ref35 + "A.csv"))
                .isInstanceOf(InvalidBatchFileNameException.class)
                .hasMessageContaining("fileReference");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "OFBREQ_00200100000000_A1.csv",      // 14 digits
            "OFBREQ_0020010000000012_A1.csv",    // 16 digits
            "OFBREQ_00200100000000X_A1.csv"})    // not digits
    void merchantIdThatIsNotFifteenDigitsIsRejected(String fileName) {
        assertThatThrownBy(() -> BatchFileName.parse(fileName))
                .isInstanceOf(InvalidBatchFileNameException.class)
                .hasMessageContaining("merchantId");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "OFBRESP_002001000000001_A1.csv",    // a response name, not a request
            "ofbreq_002001000000001_A1.csv",     // prefix is upper case
            "OFBREQ_002001000000001_A1.txt",     // unknown format
            "OFBREQ_002001000000001_A1.CSV",     // extensions are lower case
            "OFBREQ_002001000000001_A1",         // no extension
            "OFBREQ_002001000000001_A1.csv.pgp.zip", // wrappers in the wrong order
            "OFBREQ_002001000000001_A1.csv.gz",
            "OFBREQ_002001000000001_A_1.csv",    // underscore inside the reference
            "OFBREQ_002001000000001_A.1.csv",    // dot inside the reference
            "OFBREQ_002001000000001_.csv",       // empty reference
            "../OFBREQ_002001000000001_A1.csv",  // a path, not a name
            "OFBREQ_002001000000001_A1.csv\n"})
    void namesOutsideTheRequestPatternAreRejected(String fileName) {
        assertThatThrownBy(() -> BatchFileName.parse(fileName))
                .isInstanceOf(InvalidBatchFileNameException.class);
    }

    @Test
    void nullNameIsRejectedWithAReason() {
        assertThatThrownBy(() -> BatchFileName.parse(null))
                .isInstanceOf(InvalidBatchFileNameException.class)
                .hasMessageContaining("empty");
    }
}
