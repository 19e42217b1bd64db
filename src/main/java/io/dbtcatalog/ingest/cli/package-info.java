/**
 * The command line: what users type and read. {@link io.dbtcatalog.ingest.cli.IngestCli} is the jar's entry point
 * and owns the exit codes; picocli parses the arguments into {@code IngestCommand} and one {@code *Command} class per
 * command ({@code run}, {@code validate}, {@code backfill}, {@code schedule}, {@code status}), each with its typed
 * options and {@code --help}. A command starts the Spring application on its configuration file, calls the
 * application's entry points (the ingestion launcher, the check, the scheduler, the statuses) and prints the result
 * ({@code *Printer}, {@code BackfillProgress}); it holds no ingestion logic. The dependency is one-way: nothing
 * outside this package uses it.
 */
package io.dbtcatalog.ingest.cli;
