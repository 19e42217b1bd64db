package io.dbtcatalog.ingest.source;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import java.util.List;

/**
 * Where dbt metadata comes from (a local target folder, dbt Cloud artifacts, the Discovery API): lists runs cheaply,
 * then turns one of them into a normalized {@link CatalogSnapshot}. Implementations throw an unchecked exception
 * whose message names the file, key or endpoint at fault.
 */
public interface MetadataSource {

    /** The configured source name, which is also the catalog's {@code project_key}. */
    String name();

    /** The runs the selector asks for, oldest first; empty when there is none. */
    List<RunRef> listRuns(RunSelector selector);

    /** Fetches and normalizes one run. */
    CatalogSnapshot fetch(RunRef run);

    /**
     * Fetches one run like {@link #fetch(RunRef)}, except that a source of artifact files may skip parsing files
     * that {@code known} says produced the catalog's current state ({@link CatalogSnapshot#identicalToState}).
     */
    default CatalogSnapshot fetch(RunRef run, KnownArtifacts known) {
        return fetch(run);
    }
}
