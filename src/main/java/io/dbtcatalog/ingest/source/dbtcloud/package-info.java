/**
 * dbt Cloud's Admin API v2 as a metadata source: finds the accepted runs, plans which step each artifact comes from,
 * downloads them into a private folder and reads them with the shared artifact readers. Its wire records stay here.
 */
package io.dbtcatalog.ingest.source.dbtcloud;
