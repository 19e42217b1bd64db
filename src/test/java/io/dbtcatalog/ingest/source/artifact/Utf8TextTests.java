package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifact text is strict UTF-8: a byte-order mark is skipped, a malformed sequence fails at its exact position. */
class Utf8TextTests {

    @TempDir
    Path dir;

    @Test
    void aLeadingByteOrderMarkIsNotPartOfTheText() throws IOException {
        // given
        Path file = write(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"a\": \"café\"}".getBytes(StandardCharsets.UTF_8));
        // when / then
        try (Reader reader = Utf8Text.open(file)) {
            assertThat(new String(readAll(reader))).isEqualTo("{\"a\": \"café\"}");
        }
        assertThat(Utf8Text.firstMalformed(file)).isNull();
    }

    @Test
    void aMalformedSequenceFailsTheReaderInsteadOfBecomingAReplacementCharacter() throws IOException {
        // given: "café" in ISO-8859-1, a lone 0xE9
        Path file = write("{\"a\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        // when / then
        try (Reader reader = Utf8Text.open(file)) {
            assertThatThrownBy(() -> readAll(reader)).isInstanceOf(MalformedInputException.class);
        }
    }

    @Test
    void theFirstMalformedSequenceIsLocatedByLineColumnAndByteOffset() {
        // given: two valid lines (one with a 2-byte character), then a lone continuation byte on line 3
        byte[] head = "{\n\"é\": 1,\n\"x\": \"ab".getBytes(StandardCharsets.UTF_8);
        Path file = write(head, new byte[] {(byte) 0x80}, "\"}".getBytes(StandardCharsets.UTF_8));
        // when
        Utf8Text.Malformed malformed = Utf8Text.firstMalformed(file);
        // then
        assertThat(malformed).isEqualTo(new Utf8Text.Malformed(3, 9, head.length, 1));
    }

    @Test
    void aByteOrderMarkDoesNotShiftTheReportedColumn() {
        // given: a BOM, then "{" and a lone continuation byte
        Path file = write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', (byte) 0x80});
        // when
        Utf8Text.Malformed malformed = Utf8Text.firstMalformed(file);
        // then: column 2 of the text the parser sees
        assertThat(malformed).isEqualTo(new Utf8Text.Malformed(1, 2, 4, 1));
    }

    @Test
    void aMalformedSequenceFarIntoALargeFileIsFoundAcrossBufferBoundaries() {
        // given: 200,000 valid bytes of 3-byte characters, then a truncated 3-byte sequence at the end
        byte[] valid = "€".repeat(200_000 / 3).getBytes(StandardCharsets.UTF_8);
        Path file = write(valid, new byte[] {(byte) 0xE2, (byte) 0x82});
        // when
        Utf8Text.Malformed malformed = Utf8Text.firstMalformed(file);
        // then
        assertThat(malformed.line()).isEqualTo(1);
        assertThat(malformed.column()).isEqualTo(200_000 / 3 + 1);
        assertThat(malformed.byteOffset()).isEqualTo(valid.length);
    }

    private Path write(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        try {
            return Files.write(dir.resolve("artifact.json"), out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static char[] readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        return text.toString().toCharArray();
    }
}
