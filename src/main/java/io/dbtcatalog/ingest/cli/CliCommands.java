package io.dbtcatalog.ingest.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The commands the CLI knows, the options each accepts, and the usage text that lists them. */
final class CliCommands {

    /** What a command accepts: options without a value ({@code flags}) and options with one ({@code valued}). */
    record Spec(String name, String summary, Set<String> flags, Set<String> valued, CliCommand command) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("run", "ingest the latest run of every configured source (or of one, with --source)",
                    Set.of("--force"), Set.of("--config", "--source"), new RunCommand()),
            new Spec("backfill", "ingest every past run of one source in a window (--since/--until) or the last N",
                    Set.of(), Set.of("--config", "--source", "--since", "--until", "--last"), new BackfillCommand()),
            new Spec("schedule", "stay up and ingest each source on its cron schedule (stop with SIGTERM/Ctrl-C)",
                    Set.of(), Set.of("--config"), new ScheduleCommand()),
            new Spec("status", "per source: last success, last failure, next fire time; exit 1 if one is failing",
                    Set.of("--json"), Set.of("--config"), new StatusCommand()),
            new Spec("help", "print this text", Set.of(), Set.of(), null));

    private static final Map<String, String> OPTION_HELP = Map.of(
            "--config FILE", "configuration file (default: ./ingestion-config.yaml)",
            "--source NAME", "only this configured source (required by backfill)",
            "--force", "ingest runs again even when the catalog already holds them",
            "--since DATE", "backfill runs finished at or after DATE (2026-08-01 or 2026-08-01T06:00:00Z)",
            "--until DATE", "backfill runs finished before DATE (default: now)",
            "--last N", "backfill the last N runs",
            "--json", "status as JSON");

    private CliCommands() {
    }

    static Optional<Spec> spec(String name) {
        return SPECS.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    static String usage() {
        StringBuilder text = new StringBuilder("usage: java -jar dbt-catalog-ingest.jar <command> [options]\n\ncommands:\n");
        SPECS.forEach(s -> text.append(String.format("  %-10s %s%n", s.name(), s.summary())));
        text.append("\noptions:\n");
        OPTION_HELP.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(String.format("  %-15s %s%n", e.getKey(), e.getValue())));
        return text.toString();
    }
}
