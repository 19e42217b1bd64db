package io.dbtcatalog.ingest.source.artifact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * One file read forward in blocks into a byte buffer, for the byte scan ({@link JsonBytes}, decision 0020): the
 * scanner works on {@code buf[pos..end)} and asks for more with {@link #fill}; {@link #mark} keeps the bytes from a
 * point on in the buffer (which grows when a kept slice is longer than a block) until {@link #marked}.
 */
class ByteBlocks implements AutoCloseable {

    private static final int BLOCK = 1 << 20;

    final Path file;
    private final FileChannel channel;
    byte[] buf = new byte[BLOCK];
    int pos;
    int end;
    private long base;
    int mark = -1;

    ByteBlocks(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /** The file offset of the next byte. */
    final long offset() {
        return base + pos;
    }

    /** Keeps the bytes from the next one on in the buffer until {@link #marked} (one mark at a time). */
    final void mark() {
        mark = pos;
    }

    /** The bytes from the mark to here; ends the mark. */
    final byte[] marked() {
        byte[] bytes = Arrays.copyOfRange(buf, mark, pos);
        mark = -1;
        return bytes;
    }

    /** Consumes and returns the next byte; the file must not end. */
    final int next() throws IOException {
        if (pos == end && !fill(1)) {
            throw fail("the file ends inside a token");
        }
        return buf[pos++] & 0xFF;
    }

    /** The next byte without consuming it, or -1 at the end of the file. */
    final int peek() throws IOException {
        if (pos == end && !fill(1)) {
            return -1;
        }
        return buf[pos] & 0xFF;
    }

    /**
     * Reads more of the file after the bytes not consumed yet (those from the mark on, with a mark); true once at
     * least {@code wanted} bytes are buffered after {@code pos}, false at the end of the file before that.
     */
    final boolean fill(int wanted) throws IOException {
        int keep = mark >= 0 ? Math.min(mark, pos) : pos;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, end - keep);
            base += keep;
            end -= keep;
            pos -= keep;
            if (mark >= 0) {
                mark -= keep;
            }
        }
        while (end - pos < wanted) {
            if (end == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int read = channel.read(ByteBuffer.wrap(buf, end, buf.length - end));
            if (read < 0) {
                return false;
            }
            end += read;
        }
        return true;
    }

    IllegalStateException fail(String problem) {
        return new IllegalStateException(file + ": not the JSON Jackson reads, " + problem + " at byte " + offset());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
