package io.dbtcatalog.ingest.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes a row is rendered to: UTF-8 of the stored form, and COPY's escaping on top. */
class Utf8BufferTests {

    private static final List<String> TEXTS = List.of(
            "",
            "plain ascii",
            "a\0b\0",
            "\0",
            "tab\tnl\ncr\rbs\\",
            "\\.",
            "é ÿ Ā ߿ ࠀ \uffff",
            "emoji 😀🏳️‍🌈",
            "lone \uD800 and \uDC00 surrogates \uD800",
            "x".repeat(70_000));

    @Test
    void utf8IsTheStoredFormsBytes() {
        for (String text : TEXTS) {
            // given
            Utf8Buffer buffer = new Utf8Buffer(4);
            // when
            buffer.utf8(text);
            // then
            assertThat(Arrays.copyOf(buffer.bytes(), buffer.length()))
                    .as(text.length() > 40 ? text.substring(0, 40) : text)
                    .isEqualTo(Binder.storable(text).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void copyEscapingWritesTheFourControlCharactersAsBackslashSequences() {
        // given
        Utf8Buffer buffer = new Utf8Buffer(4);
        // when
        buffer.copyEscaped("a\tb\nc\rd\\e\0f").put((byte) '|').copyEscaped("😀\\");
        // then
        assertThat(new String(buffer.bytes(), 0, buffer.length(), StandardCharsets.UTF_8))
                .isEqualTo("a\\tb\\nc\\rd\\\\e\uFFFDf|😀\\\\");
    }
}
