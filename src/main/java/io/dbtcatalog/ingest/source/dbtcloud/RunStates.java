package io.dbtcatalog.ingest.source.dbtcloud;

/**
 * What a run's status fields mean: 1 queued, 2 starting, 3 running are never taken; 10 success, 20 error and
 * 30 cancelled are finished (and then only taken when accepted). Also checks a run against a source's filters.
 */
final class RunStates {

    private RunStates() {}

    static boolean isFinished(Wire.Run run) {
        return run.status() != null
                && DbtCloudSettings.FINISHED_STATUSES.contains(run.status())
                && !Boolean.FALSE.equals(run.isComplete());
    }

    /** e.g. {@code status 20 (Error)}. */
    static String describe(Wire.Run run) {
        return "status " + run.status() + (run.statusHumanized() == null ? "" : " (" + run.statusHumanized() + ")");
    }

    /** Why {@code run} does not belong to the source's project / job / environment, or null when it does. */
    static String filterMismatch(Wire.Run run, DbtCloudSettings settings) {
        if (settings.projectId() != null && !settings.projectId().equals(run.projectId())) {
            return "belongs to project " + run.projectId() + ", not to project-id " + settings.projectId();
        }
        if (!settings.jobIds().isEmpty() && !settings.jobIds().contains(run.jobDefinitionId())) {
            return "belongs to job " + run.jobDefinitionId() + ", not to the configured job(s) " + settings.jobIds();
        }
        if (settings.environmentId() != null && !settings.environmentId().equals(run.environmentId())) {
            return "belongs to environment " + run.environmentId() + ", not to environment-id "
                    + settings.environmentId();
        }
        return null;
    }
}
