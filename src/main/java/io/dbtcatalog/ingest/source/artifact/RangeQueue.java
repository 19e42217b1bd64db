package io.dbtcatalog.ingest.source.artifact;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The cuts of one file recorded by the parsing thread and replayed, in the same order, by a hashing thread onto a
 * {@link ByteRanges} (decision 0018): the digests are those the parsing thread would compute itself, while the
 * parser goes on. Cuts travel in chunks of {@value #CHUNK} offsets through a bounded queue (8 bytes per cut, two cuts
 * per manifest entry: far less than the entries the parser holds anyway); a parser that gets more than
 * {@value #CHUNKS} chunks ahead of the hasher waits for it.
 */
final class RangeQueue implements RangeSink {

    private static final int CHUNK = 4096;
    private static final int CHUNKS = 256;
    private static final long REST = Long.MIN_VALUE;
    private static final long[] END = new long[0];

    private final BlockingQueue<long[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private long[] current = new long[CHUNK];
    private int size;
    private volatile boolean abandoned;

    @Override
    public void state(long offset) throws IOException {
        add(offset);
    }

    @Override
    public void leftOut(long end) throws IOException {
        add(-end - 1);
    }

    /** The last cut: sends what is recorded and ends the file for the hasher. */
    @Override
    public void rest() throws IOException {
        add(REST);
        flush();
        put(END);
    }

    /** Applies every cut of the file to {@code ranges} as they arrive, until the file's last cut. */
    void replay(ByteRanges ranges) throws IOException, InterruptedException {
        for (long[] chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
            for (long cut : chunk) {
                if (cut == REST) {
                    ranges.rest();
                } else if (cut >= 0) {
                    ranges.state(cut);
                } else {
                    ranges.leftOut(-cut - 1);
                }
            }
        }
    }

    /** The hasher gave up (it failed): the parser's next chunk fails instead of waiting for it for ever. */
    void abandon() {
        abandoned = true;
        chunks.clear();
    }

    private void add(long cut) throws IOException {
        current[size++] = cut;
        if (size == CHUNK) {
            flush();
        }
    }

    private void flush() throws IOException {
        if (size > 0) {
            put(Arrays.copyOf(current, size));
            size = 0;
        }
    }

    private void put(long[] chunk) throws IOException {
        try {
            while (!chunks.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                if (abandoned) {
                    throw new InterruptedIOException("the hashing thread of the state-digest pass failed");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the state-digest pass was stopped");
        }
    }
}
