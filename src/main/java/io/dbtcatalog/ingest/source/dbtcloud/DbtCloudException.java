package io.dbtcatalog.ingest.source.dbtcloud;

/**
 * A dbt Cloud source failure that is not an HTTP error: an unusable run, an unreadable response or artifact, a run
 * key that is not a run id. The message names the run, step, file or endpoint involved.
 */
public class DbtCloudException extends RuntimeException {

    public DbtCloudException(String message) {
        super(message);
    }

    public DbtCloudException(String message, Throwable cause) {
        super(message, cause);
    }
}
