package io.dbtcatalog.ingest.store;

import java.util.List;

/**
 * One distinct snapshot row of a state table, its natural key, and what the table stores under that key: nothing,
 * an active or a soft-deleted row, whether that row was last seen at another time, and the first 128 bits of its
 * content hash (enough to tell a change; the full hash is only ever written, never kept).
 *
 * @param <R> the model record
 */
final class Pending<R> {

    private final R row;
    private final List<String> key;
    private boolean stored;
    private boolean deleted;
    private boolean stale;
    private boolean hashKnown;
    private long hashHigh;
    private long hashLow;

    Pending(R row, List<String> key) {
        this.row = row;
        this.key = key;
    }

    R row() {
        return row;
    }

    List<String> key() {
        return key;
    }

    /** Records the stored row under this key: its content hash as stored, and its two marks. */
    void stored(String contentHash, boolean deleted, boolean stale) {
        this.stored = true;
        this.deleted = deleted;
        this.stale = stale;
        this.hashKnown = ContentHash.isHash(contentHash);
        if (hashKnown) {
            hashHigh = ContentHash.bits(contentHash, 0);
            hashLow = ContentHash.bits(contentHash, 16);
        }
    }

    boolean isStored() {
        return stored;
    }

    boolean isDeleted() {
        return deleted;
    }

    /** Active, but last seen at another time than the snapshot's. */
    boolean isStale() {
        return stale && !deleted;
    }

    /** True when the row's content hashes to what is stored. */
    boolean hashMatches(StateTable<R> table, ContentHash hasher) {
        table.bindContent(hasher, row);
        return hasher.matches(hashHigh, hashLow) && hashKnown;
    }
}
