/**
 * Where dbt metadata comes from: the {@code MetadataSource} interface (list runs, fetch one as a {@code RunInput}),
 * the {@code RunSelector} of which runs to list, and one sub-package per kind of source. A source never imports the
 * store.
 */
package io.dbtcatalog.ingest.source;
