package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.source.RunInput;
import java.util.List;

/**
 * What steps 3 to 5 of {@link SourceIngestion} gave for one run: the snapshot read (in full, or only its history
 * when {@code historyOnly}) with the digest of its state content (null when unknown), or the input left unread
 * because its files matched the state.
 */
record Fetched(
        CatalogSnapshot snapshot,
        SnapshotInfo info,
        String fingerprint,
        List<String> warnings,
        String stateDigest,
        boolean historyOnly) {

    static Fetched read(CatalogSnapshot snapshot, String stateDigest) {
        return new Fetched(
                snapshot, snapshot.info(), snapshot.artifactDigest(), snapshot.warnings(), stateDigest, false);
    }

    static Fetched history(CatalogSnapshot history, String stateDigest) {
        return new Fetched(history, history.info(), history.artifactDigest(), history.warnings(), stateDigest, true);
    }

    static Fetched unchanged(RunInput input, String fingerprint) {
        return new Fetched(null, input.info(), fingerprint, input.warnings(), null, false);
    }

    String note() {
        return snapshot == null ? RunOutcome.IDENTICAL : historyOnly ? RunOutcome.STATE_UNCHANGED : null;
    }
}
