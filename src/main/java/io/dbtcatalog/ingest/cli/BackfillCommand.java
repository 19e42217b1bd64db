package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.job.IngestRequest;
import io.dbtcatalog.ingest.job.IngestionLauncher;
import io.dbtcatalog.ingest.job.RunOutcome;
import io.dbtcatalog.ingest.job.SourceOutcome;
import io.dbtcatalog.ingest.job.SourceRegistry;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.store.PublishResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backfill --source NAME (--since DATE [--until DATE] | --last N)}: ingests every accepted run of the source
 * in the window, oldest first, each run atomically; runs already in the catalog are skipped, and an interrupted
 * backfill started again resumes where it stopped. Prints a progress line, then a short summary.
 */
@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        customSynopsis = {
            IngestCommand.NAME + " backfill [-hV] [--config=FILE] --source=NAME",
            "        (--since=DATE [--until=DATE] | --last=N)"
        },
        description = "ingest every past run of one source in a window (--since/--until) or the last N")
final class BackfillCommand extends ApplicationCommand {

    private final BackfillSelector window = new BackfillSelector();
    private RunSelector selector;

    @Option(names = "--source", paramLabel = "NAME", description = "the configured source to backfill (required)")
    private String source;

    @Option(
            names = "--since",
            paramLabel = "DATE",
            description = "backfill runs finished at or after DATE (2026-08-01 or 2026-08-01T06:00:00Z)")
    void since(String value) {
        option(() -> window.since(value));
    }

    @Option(names = "--until", paramLabel = "DATE", description = "backfill runs finished before DATE (default: now)")
    void until(String value) {
        option(() -> window.until(value));
    }

    @Option(names = "--last", paramLabel = "N", description = "backfill the last N runs")
    void last(String value) {
        option(() -> window.last(value));
    }

    @Override
    void checkOptions() {
        option(() -> {
            if (source == null) {
                throw new BackfillSelector.UsageException("backfill needs --source NAME");
            }
            selector = window.selector();
        });
    }

    private void option(Runnable read) {
        try {
            read.run();
        } catch (BackfillSelector.UsageException e) {
            throw new OptionValueException(spec(), e.getMessage());
        }
    }

    @Override
    int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        try {
            BackfillSelector.requireHistory(
                    context.getBean(SourceRegistry.class).settings(source));
        } catch (BackfillSelector.UsageException | SourceRegistry.UnknownSourceException e) {
            err.println("error: " + e.getMessage());
            return IngestCli.USAGE;
        }
        BackfillProgress progress = new BackfillProgress(err, System.console() != null, System::nanoTime);
        List<SourceOutcome> outcomes;
        outcomes =
                context.getBean(IngestionLauncher.class).launch(new IngestRequest(source, selector, false), progress);
        outcomes.forEach(outcome -> summary(out, outcome));
        return outcomes.stream().allMatch(SourceOutcome::succeeded) ? IngestCli.OK : IngestCli.FAILED;
    }

    private static void summary(PrintStream out, SourceOutcome outcome) {
        List<RunOutcome> runs = outcome.runs();
        List<PublishResult> published =
                runs.stream().map(RunOutcome::published).filter(p -> p != null).toList();
        out.printf(
                Locale.ROOT,
                "%nbackfill %s (%s): %s in %.1f s%n",
                outcome.sourceName(),
                outcome.sourceKind(),
                outcome.succeeded() ? "OK" : "FAILED",
                outcome.duration().toMillis() / 1000.0);
        out.printf(
                Locale.ROOT,
                "  runs    %d ingested, %d already in the catalog, %d failed%n",
                published.size(),
                count(runs, RunOutcome.Status.SKIPPED),
                count(runs, RunOutcome.Status.FAILED));
        out.printf(
                Locale.ROOT,
                "  history +%d test results, +%d run results, +%d freshness; %d rows written%n",
                published.stream().mapToInt(PublishResult::testResultsAdded).sum(),
                published.stream().mapToInt(PublishResult::runResultsAdded).sum(),
                published.stream().mapToInt(PublishResult::freshnessAdded).sum(),
                published.stream().mapToLong(PublishResult::rowsWritten).sum());
        runs.stream()
                .filter(run -> run.status() == RunOutcome.Status.FAILED)
                .forEach(run ->
                        out.println("  run " + run.run().runKey() + ": FAILED, catalog unchanged: " + run.message()));
        if (outcome.failure() != null) {
            out.println("  error: " + outcome.failure());
        }
        if (!outcome.succeeded()) {
            out.println("  start the same backfill again to resume it; ingested runs are kept and skipped");
        }
    }

    private static long count(List<RunOutcome> runs, RunOutcome.Status status) {
        return runs.stream().filter(run -> run.status() == status).count();
    }
}
