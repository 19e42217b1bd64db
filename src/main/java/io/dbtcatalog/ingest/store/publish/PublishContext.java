package io.dbtcatalog.ingest.store.publish;

import java.time.Instant;

/**
 * What every writer of one publish needs: the project, the id of the ledger row being written, the snapshot time
 * stamped on state rows ({@code first_seen_at}, {@code seen_at}, {@code last_changed_at}, {@code deleted_at}),
 * whether the snapshot is complete (so missing rows may be soft-deleted), the artifact time and dbt run id for
 * history rows, and the project's {@code complete_as_of} before this publish (null when no complete snapshot has
 * been applied since V11): a row soft-deleted now was last seen then, at the latest.
 */
public record PublishContext(
        String projectKey,
        long ingestionRunId,
        Instant snapshotTime,
        boolean complete,
        Instant generatedAt,
        Long dbtRunId,
        Instant completeBefore) {}
