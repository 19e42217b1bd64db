package io.dbtcatalog.ingest.source.artifact;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens artifact files as strictly decoded UTF-8 text (a malformed byte sequence fails the read instead of becoming
 * U+FFFD, a leading byte-order mark is skipped) and, after such a failure, finds the exact line and column of the
 * first malformed sequence. Artifacts are parsed from this text, not from bytes, because Jackson's byte parser keeps
 * every distinct property name, and the unique ids that key dbt's sections make that table grow without bound.
 */
final class Utf8Text {

    private static final int BUFFER = 1 << 16;

    /** Where the first malformed sequence starts: 1-based line and column (in characters), 0-based byte offset. */
    record Malformed(long line, long column, long byteOffset, int length) {}

    private Utf8Text() {}

    /** A reader of the file's text that throws {@link java.nio.charset.MalformedInputException} on invalid UTF-8. */
    static Reader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
                in.reset();
            }
            return new InputStreamReader(in, strictDecoder());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The first malformed UTF-8 sequence of the file, or null when the whole file decodes. */
    static Malformed firstMalformed(Path file) {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
        CharBuffer chars = CharBuffer.allocate(BUFFER);
        long consumed = 0;
        long line = 1;
        long column = 1;
        boolean atStart = true;
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                if (!end) {
                    int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (read < 0) {
                        end = true;
                    } else {
                        bytes.position(bytes.position() + read);
                    }
                }
                bytes.flip();
                int before = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, end);
                consumed += bytes.position() - before;
                chars.flip();
                if (atStart && chars.hasRemaining() && chars.get(0) == '\uFEFF') {
                    chars.get(); // a leading byte-order mark is not part of the text (see open)
                }
                atStart = atStart && !chars.hasRemaining();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    return new Malformed(line, column, consumed, result.length());
                }
                bytes.compact();
                if (end && result.isUnderflow()) {
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
