package io.dbtcatalog.ingest.source.dbtcloud;

/** Run keys of dbt Cloud sources are run ids: the decimal {@code id} of the run. */
final class RunIds {

    private RunIds() {}

    static long parse(String runKey, String sourceName) {
        try {
            long id = Long.parseLong(runKey.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below with the source name
        }
        throw new DbtCloudException(
                "source " + sourceName + ": run key '" + runKey + "' is not a dbt Cloud run id (a positive number)");
    }
}
