package io.dbtcatalog.ingest.source;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import java.util.List;
import java.util.Optional;

/**
 * One listed run's input, fetched but not parsed yet: artifact files found in a folder or downloaded from dbt Cloud,
 * or an environment state of the Discovery API. The pipeline first asks for its {@link #fingerprint()} (has this
 * input been published already?), then {@link #read() reads} it into the normalized model. Closing it releases what
 * fetching took (a download folder); it is not usable afterwards.
 */
public interface RunInput extends AutoCloseable {

    /** The run this input belongs to. */
    RunRef run();

    /**
     * The fingerprint of the input (the SHA-256 digest of a run's artifact files), equal for inputs that read into
     * the same snapshot; empty for sources without files, whose input is always read.
     */
    Optional<String> fingerprint();

    /** What the input says about the dbt invocation, cheap to get (only the manifest's header is read). */
    SnapshotInfo info();

    /** The warnings fetching gave (optional files a dbt Cloud run lacks, …), before anything is read. */
    List<String> warnings();

    /** Reads and normalizes the whole input; its warnings include {@link #warnings()}. */
    CatalogSnapshot read();

    /**
     * The digest of the input's state alone (decision 0014): equal for two inputs that read into the same state rows,
     * whatever their history rows (results, relation statistics) and invocation metadata. Empty for sources without
     * files and when the input cannot vouch for it; the pipeline then reads in full.
     */
    default Optional<String> stateDigest() {
        return Optional.empty();
    }

    /**
     * Reads only the input's history rows (and its info and warnings), for a {@link #stateDigest()} equal to the
     * catalog state's; the snapshot holds no state row and must be published history-only.
     *
     * @throws UnsupportedOperationException when the input has no state digest
     */
    default CatalogSnapshot readHistory() {
        throw new UnsupportedOperationException("this input has no state digest; read it in full");
    }

    @Override
    void close();
}
