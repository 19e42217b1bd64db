package io.dbtcatalog.ingest.source;

import io.dbtcatalog.ingest.model.RunRef;
import java.util.List;

/**
 * Where dbt metadata comes from (a local target folder, dbt Cloud artifacts, the Discovery API): lists runs cheaply,
 * then fetches one of them as a {@link RunInput} the pipeline fingerprints and reads. Implementations throw an
 * unchecked exception whose message names the file, key or endpoint at fault.
 */
public interface MetadataSource {

    /** The configured source name, which is also the catalog's {@code project_key}. */
    String name();

    /** The runs the selector asks for, oldest first; empty when there is none. */
    List<RunRef> listRuns(RunSelector selector);

    /** Fetches one listed run's input (locating or downloading it, not parsing it); the caller closes it. */
    RunInput fetch(RunRef run);
}
