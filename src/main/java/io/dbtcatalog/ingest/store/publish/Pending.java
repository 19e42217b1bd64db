package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/**
 * One distinct snapshot row of a state table, its natural key, and what the table stores under that key: nothing,
 * an active or a soft-deleted row, whether that row was last seen at another time, and the first 128 bits of its
 * content hash (enough to tell a change; the full hash is only ever written, never kept).
 *
 * @param <R> the model record
 */
public final class Pending<R> {

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

    public R row() {
        return row;
    }

    public List<String> key() {
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

    /**
     * Feeds the values of this row's insert: project, key, content, content hash (computed here with
     * {@code hasher}, when the table has one), then the snapshot time as first seen, last seen and last changed,
     * and the ingestion run.
     */
    public void bindInsert(StateTable<R> table, PublishContext context, ContentHash hasher, RowSink sink) {
        sink.text(context.projectKey());
        key.forEach(sink::text);
        bindContentAndHash(table, row, hasher, sink);
        sink.time(context.snapshotTime())
                .time(context.snapshotTime())
                .time(context.snapshotTime())
                .bigint(context.ingestionRunId());
    }

    /** Feeds this row's key, content and content hash (when the table has one): a changed row to be staged. */
    public void bindChange(StateTable<R> table, ContentHash hasher, RowSink sink) {
        key.forEach(sink::text);
        bindContentAndHash(table, row, hasher, sink);
    }

    /**
     * Feeds {@code row}'s content, then its content hash when the table has one, to {@code sink}: one pass over the
     * values for both (a long text is read back from the spill file once).
     */
    static <R> void bindContentAndHash(StateTable<R> table, R row, ContentHash hasher, RowSink sink) {
        if (table.shape().hashed()) {
            table.bindContent(new BothSinks(sink, hasher), row);
            sink.text(hasher.hex());
        } else {
            table.bindContent(sink, row);
        }
    }

    /** True when the row's content hashes to what is stored. */
    boolean hashMatches(StateTable<R> table, ContentHash hasher) {
        table.bindContent(hasher, row);
        return hasher.matches(hashHigh, hashLow) && hashKnown;
    }
}
