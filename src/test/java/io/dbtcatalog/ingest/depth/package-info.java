/** Tests that the catalog holds what dbt's artifacts say beyond nodes and columns, compared with the files. */
package io.dbtcatalog.ingest.depth;
