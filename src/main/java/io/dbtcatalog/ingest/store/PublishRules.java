package io.dbtcatalog.ingest.store;

import java.time.Duration;

/**
 * How one publish protects the catalog: the largest share of a project's active nodes a complete snapshot may
 * soft-delete ({@code maxDeleteShare}, unless {@code allowMassDelete}), whether a run the ledger already holds is
 * published again ({@code republish}; otherwise it is skipped once the project lock is held), and how long to wait
 * for that lock before reporting the project busy ({@code lockTimeout}; null keeps the engine's default).
 */
public record PublishRules(double maxDeleteShare, boolean allowMassDelete, boolean republish, Duration lockTimeout) {

    /** The default {@code ingestion.max-delete-share}: refuse to soft-delete more than half of the active nodes. */
    public static final double DEFAULT_MAX_DELETE_SHARE = 0.5;

    public PublishRules {
        if (Double.isNaN(maxDeleteShare) || maxDeleteShare < 0 || maxDeleteShare > 1) {
            throw new IllegalArgumentException(
                    "the maximum share of nodes to delete must be between 0 and 1, was " + maxDeleteShare);
        }
        if (lockTimeout != null && (lockTimeout.isNegative() || lockTimeout.isZero())) {
            throw new IllegalArgumentException("the project lock timeout must be positive, was " + lockTimeout);
        }
    }

    /** No deletion guard, republishing allowed, the engine's lock timeout: what {@code publish} without rules does. */
    public static PublishRules unguarded() {
        return new PublishRules(1.0, true, true, null);
    }

    /**
     * True when soft-deleting {@code deletes} of {@code active} nodes exceeds the allowed share. A project without
     * active nodes (its first publish) never trips the guard.
     */
    public boolean refusesDeleting(int deletes, int active) {
        return !allowMassDelete && exceedsShare(deletes, active);
    }

    /** True when {@code deletes} of {@code active} nodes is more than the allowed share (allowed or not). */
    public boolean exceedsShare(int deletes, int active) {
        return active > 0 && deletes > maxDeleteShare * active;
    }
}
