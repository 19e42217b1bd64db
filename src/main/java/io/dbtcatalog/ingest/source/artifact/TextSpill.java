package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.TextValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Where one read keeps the long texts of its snapshot (model code, descriptions, config JSON) off the heap, so that
 * the live heap of an ingestion grows with the rows of a project and not with their texts: an append-only temporary
 * file, mapped into memory in segments of {@value #SEGMENT_BYTES} bytes. Each text is written once as UTF-8 and read
 * back through a {@link Spilled} handle of 24 bytes whenever it is hashed, written or analysed.
 *
 * <p>The file is opened with {@code DELETE_ON_CLOSE}, which on Linux and macOS removes its name at once: nothing is
 * left behind, even when the process is killed. Its space is freed by {@link #close()} or, at the latest, when the
 * last handle is unreachable (a {@link Cleaner} closes the channel; the mappings go with their buffers). Each segment
 * is allocated on disk with ordinary writes before it is mapped, so a full disk fails the read with an {@link
 * UncheckedIOException} naming the folder rather than a fault inside a mapped write. Texts shorter than {@value
 * #MIN_SPILLED} characters, longer than about five million, or with unpaired surrogates (which UTF-8 cannot carry)
 * stay on the heap. Appends come from one thread at a time; reads may come from any thread.
 */
final class TextSpill implements AutoCloseable {

    static final int SEGMENT_BYTES = 1 << 26;
    static final int MIN_SPILLED = 48;

    private static final int SEGMENT_SHIFT = 26;
    private static final int LENGTH_BITS = 24;
    private static final int MAX_SPILLED_BYTES = (1 << LENGTH_BITS) - 1;
    private static final int ZEROS = 1 << 20;
    private static final Cleaner CLEANER = Cleaner.create();

    private final Path folder;
    private final FileChannel channel;
    private final Cleaner.Cleanable cleanable;
    private volatile MappedByteBuffer[] segments = new MappedByteBuffer[0];
    private long end;
    private long spilledTexts;

    private TextSpill(Path folder, FileChannel channel) {
        this.folder = folder;
        this.channel = channel;
        this.cleanable = CLEANER.register(this, new Closer(channel));
    }

    /** A new, empty spill file in {@code folder} (the JVM's temporary folder by default). */
    static TextSpill create(Path folder) {
        try {
            Path file = Files.createTempFile(folder, "dbt-catalog-texts-", ".spill");
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
            return new TextSpill(folder, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the snapshot's text spill file in " + folder, e);
        }
    }

    /** A spill file in the JVM's temporary folder ({@code java.io.tmpdir}). */
    static TextSpill create() {
        return create(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** {@code value} as a text of the snapshot: written to the file when it is long enough, else held. */
    synchronized TextValue text(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() < MIN_SPILLED || value.length() > MAX_SPILLED_BYTES / 3 || hasLoneSurrogate(value)) {
            return new TextValue.Held(value);
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > SEGMENT_BYTES - (int) (end & (SEGMENT_BYTES - 1))) {
            end = (end | (SEGMENT_BYTES - 1)) + 1;
        }
        int segment = (int) (end >>> SEGMENT_SHIFT);
        if (segment == segments.length) {
            allocate(segment);
        }
        segments[segment].put((int) (end & (SEGMENT_BYTES - 1)), bytes);
        Spilled spilled = new Spilled(this, end << LENGTH_BITS | bytes.length);
        end += bytes.length;
        spilledTexts++;
        return spilled;
    }

    /** How many texts and bytes were written to the file. */
    synchronized String describe() {
        return spilledTexts + " text(s), " + end + " bytes in " + folder;
    }

    private String read(long packed) {
        long offset = packed >>> LENGTH_BITS;
        int length = (int) (packed & MAX_SPILLED_BYTES);
        MappedByteBuffer[] mapped = segments;
        int segment = (int) (offset >>> SEGMENT_SHIFT);
        if (segment >= mapped.length) {
            throw new IllegalStateException("the snapshot's texts were released (" + folder + "); read it again");
        }
        byte[] bytes = new byte[length];
        mapped[segment].get((int) (offset & (SEGMENT_BYTES - 1)), bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void allocate(int segment) {
        long from = (long) segment << SEGMENT_SHIFT;
        try {
            ByteBuffer zeros = ByteBuffer.allocate(ZEROS);
            for (long at = from; at < from + SEGMENT_BYTES; at += ZEROS) {
                zeros.clear();
                while (zeros.hasRemaining()) {
                    channel.write(zeros, at + zeros.position());
                }
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, from, SEGMENT_BYTES);
            MappedByteBuffer[] grown = Arrays.copyOf(segments, segment + 1);
            grown[segment] = mapped;
            segments = grown;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot grow the snapshot's text spill file in " + folder + " to " + (from + SEGMENT_BYTES)
                            + " bytes (set java.io.tmpdir to a folder with more room)",
                    e);
        }
    }

    private static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    /** Frees the file now; texts spilled to it can no longer be read. */
    @Override
    public void close() {
        segments = new MappedByteBuffer[0];
        cleanable.clean();
    }

    /**
     * A text in the spill file: its offset (40 bits) and UTF-8 length (24 bits) packed in one long. Equal to any
     * text value with the same text.
     */
    record Spilled(TextSpill spill, long packed) implements TextValue {

        @Override
        public String value() {
            return spill.read(packed);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TextValue text && value().equals(text.value());
        }

        @Override
        public int hashCode() {
            return value().hashCode();
        }

        @Override
        public String toString() {
            return value();
        }
    }

    /** Closes the channel (and so deletes the file) once the spill is closed or unreachable. */
    private record Closer(FileChannel channel) implements Runnable {
        @Override
        public void run() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the snapshot's text spill file", e);
            }
        }
    }
}
