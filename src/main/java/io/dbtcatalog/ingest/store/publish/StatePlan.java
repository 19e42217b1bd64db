package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.ChangeCounts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What syncing one state table does, worked out by {@link StateSync} before anything is written: the rows to insert,
 * the changed or revived rows to update, the keys to soft-delete and, for an incomplete snapshot, the keys of
 * unchanged active rows whose {@code seen_at} is not the snapshot time yet (a complete snapshot touches none). A
 * {@link WriteStrategy} writes it.
 *
 * @param <R> the model record stored in the table
 */
public final class StatePlan<R> {

    final List<Pending<R>> inserts = new ArrayList<>();
    final List<Pending<R>> updates = new ArrayList<>();
    final List<List<String>> deletes = new ArrayList<>();
    final List<List<String>> stale = new ArrayList<>();
    int unchanged;
    /** How many rows of the table were active before this snapshot (the deletion guard's base). */
    int activeBefore;

    /** New rows, in {@code order}. */
    public List<Pending<R>> inserts(RowOrder order) {
        return Collections.unmodifiableList(order.apply(inserts, Pending::key));
    }

    /** Stored rows whose content changed, and soft-deleted rows that came back. */
    public List<Pending<R>> updates() {
        return Collections.unmodifiableList(updates);
    }

    /** Keys of active rows a complete snapshot lacks. */
    public List<List<String>> deletes() {
        return Collections.unmodifiableList(deletes);
    }

    /** Keys of unchanged active rows an incomplete snapshot has whose {@code seen_at} is another time. */
    public List<List<String>> stale() {
        return Collections.unmodifiableList(stale);
    }

    public ChangeCounts counts() {
        return new ChangeCounts(inserts.size(), updates.size(), deletes.size(), unchanged);
    }

    int activeBefore() {
        return activeBefore;
    }

    List<String> insertedKeys() {
        return inserts.stream().map(p -> RowKeys.describe(p.key())).toList();
    }

    List<String> updatedKeys() {
        return updates.stream().map(p -> RowKeys.describe(p.key())).toList();
    }

    List<String> deletedKeys() {
        return deletes.stream().map(RowKeys::describe).sorted().toList();
    }
}
