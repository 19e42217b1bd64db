package io.dbtcatalog.ingest.source.artifact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Feeds the bytes of one file, in order and each exactly once, to one of two digests: the bytes up to an offset to
 * the state digest ({@link #state}), the bytes of a left-out range to the other one ({@link #leftOut}, with the
 * range's position, so that the two digests together fingerprint the whole file). Reads the file through a channel
 * of its own, in large blocks, while the parser reads it through another: on the parser's thread, or on a hashing
 * thread that replays the cuts the parser recorded ({@link RangeQueue#replay}).
 */
final class ByteRanges implements RangeSink, AutoCloseable {

    private static final int BLOCK = 1 << 20;

    private final FileChannel channel;
    private final MessageDigest state;
    private final MessageDigest leftOut;
    private final ByteBuffer buffer = ByteBuffer.allocate(BLOCK).limit(0);
    private long done;
    /** The file offset of the buffer's first byte; the buffer holds the file's bytes up to its limit. */
    private long window;

    ByteRanges(Path file, MessageDigest state, MessageDigest leftOut) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.state = state;
        this.leftOut = leftOut;
    }

    /** Adds every byte not added yet before {@code offset} to the state digest. */
    @Override
    public void state(long offset) throws IOException {
        feed(offset, state);
    }

    /** Adds the bytes from where the previous range ended to {@code end} to the other digest, with their position. */
    @Override
    public void leftOut(long end) throws IOException {
        ByteBuffer position = ByteBuffer.allocate(2 * Long.BYTES).putLong(done).putLong(end - done);
        leftOut.update(position.array());
        feed(end, leftOut);
    }

    /** Adds the rest of the file to the state digest. */
    @Override
    public void rest() throws IOException {
        feed(channel.size(), state);
    }

    /**
     * Adds the bytes from {@code done} to {@code offset}, read a block at a time: the ranges between two cuts are
     * mostly a few hundred bytes, one read each would cost more than hashing them.
     */
    private void feed(long offset, MessageDigest digest) throws IOException {
        while (done < offset) {
            if (done >= window + buffer.limit()) {
                buffer.clear();
                window = done;
                int read = channel.read(buffer, done);
                if (read < 0) {
                    buffer.limit(0);
                    throw new IOException("the file ended at byte " + done + ", before byte " + offset);
                }
                buffer.flip();
            }
            int from = (int) (done - window);
            int length = (int) Math.min(offset - done, buffer.limit() - from);
            digest.update(buffer.array(), from, length);
            done += length;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
