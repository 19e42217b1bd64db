package io.dbtcatalog.ingest.store.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContentHashTests {

    private final ContentHash hash = new ContentHash();

    @Test
    void sameValuesGiveSameHash() {
        // given / when
        String first = hash.text("a").integer(1).bool(true).time(Instant.EPOCH).hex();
        String second = hash.text("a").integer(1).bool(true).time(Instant.EPOCH).hex();
        // then
        assertThat(first).isEqualTo(second).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void valueBoundariesAreNotAmbiguous() {
        // given / when
        String abC = hash.text("ab").text("c").hex();
        String aBc = hash.text("a").text("bc").hex();
        // then
        assertThat(abC).isNotEqualTo(aBc);
    }

    @Test
    void nullEmptyAndFalseAreDistinct() {
        // given / when
        String nullText = hash.text(null).hex();
        String empty = hash.text("").hex();
        String nullBool = hash.bool(null).hex();
        String falseBool = hash.bool(false).hex();
        // then
        assertThat(nullText).isNotEqualTo(empty);
        assertThat(nullBool).isNotEqualTo(falseBool);
    }

    @Test
    void typesAreDistinct() {
        // given / when
        String text = hash.text("1").hex();
        String integer = hash.integer(1).hex();
        String bigint = hash.bigint(1L).hex();
        // then
        assertThat(text).isNotEqualTo(integer).isNotEqualTo(bigint);
        assertThat(integer).isNotEqualTo(bigint);
    }

    @Test
    void valuesAreHashedInTheirStoredForm() {
        // given / when: the store keeps microseconds and turns U+0000 into U+FFFD
        String nanos = hash.time(Instant.parse("2024-01-01T00:00:00.123456789Z"))
                .text("a\0b")
                .hex();
        String micros = hash.time(Instant.parse("2024-01-01T00:00:00.123456Z"))
                .text("a\uFFFDb")
                .hex();
        // then
        assertThat(nanos).isEqualTo(micros);
    }
}
