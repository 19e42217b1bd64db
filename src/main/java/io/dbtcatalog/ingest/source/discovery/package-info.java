/**
 * dbt Cloud's Discovery API (GraphQL) as a metadata source: an environment's applied state, read with cursor paging
 * into the same normalized model as the artifact sources. Its queries live in {@code resources/graphql}.
 */
package io.dbtcatalog.ingest.source.discovery;
