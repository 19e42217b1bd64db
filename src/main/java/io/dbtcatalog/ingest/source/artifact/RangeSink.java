package io.dbtcatalog.ingest.source.artifact;

import java.io.IOException;

/**
 * Where the state-digest pass sends the cuts it finds in one file, in file order ({@link StateWalk}): either straight
 * to the digests ({@link ByteRanges}, on the parsing thread) or recorded for a hashing thread ({@link RangeQueue}).
 */
interface RangeSink {

    /** Every byte not sent yet before {@code offset} belongs to the state digest. */
    void state(long offset) throws IOException;

    /** The bytes from where the previous range ended to {@code end} are left out of the state. */
    void leftOut(long end) throws IOException;

    /** The rest of the file belongs to the state digest; the last cut of a file. */
    void rest() throws IOException;
}
