package io.dbtcatalog.ingest.source.dbtcloud;

/**
 * dbt Cloud answered 404 for one artifact of one run: which run, which step ({@code null} = the run's default, last
 * step) and which file.
 */
public class ArtifactNotFoundException extends DbtCloudException {

    private final long runId;
    private final Integer step;
    private final String name;

    public ArtifactNotFoundException(long runId, Integer step, String name) {
        super("dbt Cloud run " + runId + " has no " + name + " at " + (step == null ? "its last step" : "step " + step)
                + " (HTTP 404)");
        this.runId = runId;
        this.step = step;
        this.name = name;
    }

    public long runId() {
        return runId;
    }

    public Integer step() {
        return step;
    }

    public String name() {
        return name;
    }
}
