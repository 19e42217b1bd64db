package io.dbtcatalog.ingest.store;

import java.util.Locale;

/**
 * A complete snapshot would soft-delete more of a project's active nodes than {@link PublishRules#maxDeleteShare()}
 * allows, which usually means incomplete artifacts rather than a real removal. Nothing was written.
 */
public class MassDeleteException extends StoreException {

    /** What to do when the deletion is intended. */
    public static final String ADVICE = "If these nodes were really removed, run again with --allow-mass-delete";

    private final int deletes;
    private final int active;

    public MassDeleteException(String projectKey, int deletes, int active, double maxShare) {
        super(projectKey, "catalog_node", explain(deletes, active, maxShare) + "; nothing was written. " + ADVICE);
        this.deletes = deletes;
        this.active = active;
    }

    /** The sentence that explains the refusal, shared by publish and preview. */
    public static String explain(int deletes, int active, double maxShare) {
        return String.format(
                Locale.ROOT,
                "the snapshot would soft-delete %d of the project's %d active nodes"
                        + " (%.0f%%), more than ingestion.max-delete-share allows (%.0f%%)",
                deletes,
                active,
                100.0 * deletes / active,
                100.0 * maxShare);
    }

    public int deletes() {
        return deletes;
    }

    public int active() {
        return active;
    }
}
