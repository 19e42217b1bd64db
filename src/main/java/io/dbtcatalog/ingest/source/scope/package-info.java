/**
 * What part of a dbt project a source ingests: include / exclude rules by resource type, package, tag, path and
 * database / schema / name pattern ({@link Scope}), applied to a whole snapshot so that what is left out is left out
 * of every table alike ({@link ScopedSnapshot}).
 */
package io.dbtcatalog.ingest.source.scope;
