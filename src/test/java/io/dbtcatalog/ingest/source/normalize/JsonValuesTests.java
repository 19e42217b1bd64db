package io.dbtcatalog.ingest.source.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The JSON value rules every mapper shares: merged meta objects (one object as written, two as their union, none as
 * {@code {}}), numbers and booleans from text, and blank text as absent.
 */
class JsonValuesTests {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void unionKeepsTheFallbacksKeyOrderAndLetsThePreferredValueWin() {
        // given
        JsonNode preferred = JSON.readTree("{\"b\": 2, \"c\": {\"x\": [1, \"y\"]}}");
        JsonNode fallback = JSON.readTree("{\"a\": 1, \"b\": 1}");
        // when
        String merged = JsonValues.mergedObjectJson(preferred, fallback);
        // then
        assertThat(merged).isEqualTo("{\"a\":1,\"b\":2,\"c\":{\"x\":[1,\"y\"]}}");
    }

    @Test
    void oneSidedObjectsAreWrittenAsTheyAre() {
        // given
        JsonNode meta = JSON.readTree("{\"owner\": \"ana\", \"tier\": 1}");
        JsonNode empty = JSON.readTree("{}");
        // when / then
        assertThat(JsonValues.mergedObjectJson(meta, empty)).isEqualTo("{\"owner\":\"ana\",\"tier\":1}");
        assertThat(JsonValues.mergedObjectJson(MissingNode.getInstance(), meta))
                .isEqualTo("{\"owner\":\"ana\",\"tier\":1}");
    }

    @Test
    void absentEmptyOrNonObjectMetaIsAnEmptyObject() {
        // given
        JsonNode text = JSON.readTree("\"not an object\"");
        // when / then
        assertThat(JsonValues.mergedObjectJson(MissingNode.getInstance(), MissingNode.getInstance()))
                .isEqualTo("{}");
        assertThat(JsonValues.mergedObjectJson(JSON.readTree("{}"), text)).isEqualTo("{}");
        assertThat(JsonValues.objectJson(JSON.readTree("[1]"))).isEqualTo("{}");
    }

    @Test
    void aWholeNumberIsReadOnlyFromANumberWithoutAFractionThatFitsALong() {
        // when / then
        assertThat(JsonValues.whole(JSON.readTree("3"))).isEqualTo(3L);
        assertThat(JsonValues.whole(JSON.readTree("2.0"))).isEqualTo(2L);
        assertThat(JsonValues.whole(JSON.readTree("-9223372036854775808"))).isEqualTo(Long.MIN_VALUE);
        assertThat(JsonValues.whole(JSON.readTree("1.5"))).isNull();
        assertThat(JsonValues.whole(JSON.readTree("1e300"))).isNull();
        assertThat(JsonValues.whole(JSON.readTree("9223372036854775808"))).isNull();
    }

    @Test
    void numbersAreReadFromTextOnlyWhenWholeText() {
        // when / then
        assertThat(JsonValues.whole(JSON.readTree("\" -12 \""))).isEqualTo(-12L);
        assertThat(JsonValues.whole(JSON.readTree("\"12a\""))).isNull();
        assertThat(JsonValues.decimal(JSON.readTree("\"1.5e3\""))).isEqualTo(1500.0);
        assertThat(JsonValues.decimal(JSON.readTree("\"1.5.3\""))).isNull();
    }

    @Test
    void blankTextReadsAsAbsentWhetherANodeOrAnAlreadyDecodedString() {
        // when / then
        assertThat(JsonValues.nonBlank(JSON.readTree("\" \""))).isNull();
        assertThat(JsonValues.nonBlank(" ")).isNull();
        assertThat(JsonValues.nonBlank((String) null)).isNull();
        assertThat(JsonValues.nonBlank(JSON.readTree("{\"a\": 1}"))).isEqualTo("{\"a\":1}");
        assertThat(JsonValues.bool(JSON.readTree("\"TRUE\""))).isTrue();
        assertThat(JsonValues.bool(JSON.readTree("1"))).isNull();
    }
}
