package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.model.RunLocator;
import io.dbtcatalog.ingest.source.dbtcloud.StepPlan.DbtStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a run's steps and chooses, by each step's command text ({@code Invoke dbt with `dbt build`}), which steps
 * every artifact must come from. Only steps that ran (status 10 success or 20 error) count: a failed build still
 * wrote its manifest and run_results, a skipped one did not. Every step that executes nodes contributes its results;
 * a command this class does not know is taken for one of a newer dbt that does (the run_results it wrote still say
 * which command wrote them). The run_results of {@code dbt docs generate} are never used, because they report every
 * node as "success".
 */
final class StepPlanner {

    static final String FRESHNESS = "source freshness";
    private static final String DOCS = "docs generate";
    private static final int MAX_WORDS_TO_COMMAND = 4;
    private static final Set<String> KNOWN_COMMANDS = Set.of(
            "build",
            "run",
            "test",
            "seed",
            "snapshot",
            "compile",
            "parse",
            DOCS,
            FRESHNESS,
            "run-operation",
            "ls",
            "list",
            "show",
            "retry",
            "clone",
            "deps",
            "clean",
            "debug",
            "init");
    /** Known commands that execute no node: their manifest may serve, their results never do. */
    private static final Set<String> NOT_EXECUTING = Set.of(
            "compile", "parse", DOCS, "run-operation", "ls", "list", "show", "clone", "deps", "clean", "debug", "init");

    private static final Set<String> NO_MANIFEST_COMMANDS = Set.of("deps", "clean", "debug", "init");
    private static final Set<Integer> RAN = Set.of(10, 20);

    private StepPlanner() {}

    static StepPlan plan(List<RunLocator.CloudStep> steps) {
        if (steps == null || steps.isEmpty()) {
            return StepPlan.defaultArtifacts();
        }
        List<DbtStep> results = new ArrayList<>();
        DbtStep executing = null;
        DbtStep docs = null;
        DbtStep freshness = null;
        DbtStep other = null;
        for (RunLocator.CloudStep step : steps) {
            String command = command(step.name());
            if (command == null || step.index() == null || !ran(step)) {
                continue;
            }
            DbtStep dbtStep = new DbtStep(step.index(), command);
            if (command.equals(FRESHNESS)) {
                results.add(dbtStep);
                freshness = later(freshness, dbtStep);
            } else if (!NOT_EXECUTING.contains(command)) {
                results.add(dbtStep);
                executing = later(executing, dbtStep);
            } else if (command.equals(DOCS)) {
                docs = later(docs, dbtStep);
            } else if (!NO_MANIFEST_COMMANDS.contains(command)) {
                other = later(other, dbtStep);
            }
        }
        results.sort(Comparator.comparingInt(DbtStep::index));
        DbtStep manifest = executing != null ? executing : docs != null ? docs : other != null ? other : freshness;
        return new StepPlan(manifest, results, docs, true);
    }

    /**
     * The dbt command a step name runs ({@code build}, {@code docs generate}, {@code source freshness}) or null:
     * the first known command word after a {@code dbt} word, skipping flags such as {@code --warn-error}; when no
     * known command follows any {@code dbt} word, the plain word right after the last one (a newer dbt's command).
     */
    static String command(String stepName) {
        if (stepName == null) {
            return null;
        }
        String[] words = stepName.replaceAll("[`'\"]", " ")
                .toLowerCase(Locale.ROOT)
                .strip()
                .split("\\s+");
        int lastDbt = -1;
        for (int i = 0; i < words.length; i++) {
            if (!words[i].equals("dbt")) {
                continue;
            }
            lastDbt = i;
            for (int j = i + 1; j < words.length && j <= i + MAX_WORDS_TO_COMMAND && !words[j].equals("dbt"); j++) {
                String command =
                        words[j].startsWith("-") ? null : known(words[j], j + 1 < words.length ? words[j + 1] : "");
                if (command != null) {
                    return command;
                }
            }
        }
        return lastDbt < 0 || lastDbt + 1 >= words.length ? null : newer(words[lastDbt + 1]);
    }

    private static String known(String word, String next) {
        return switch (word) {
            case "docs" -> next.equals("generate") ? DOCS : null;
            case "source" -> next.equals("freshness") || next.equals("snapshot-freshness") ? FRESHNESS : null;
            default -> KNOWN_COMMANDS.contains(word) ? word : null;
        };
    }

    /** A word that may be a command of a newer dbt: lower-case letters and dashes, not a known command's prefix. */
    private static String newer(String word) {
        boolean plain = word.matches("[a-z][a-z-]*") && !word.equals("docs") && !word.equals("source");
        return plain ? word : null;
    }

    private static boolean ran(RunLocator.CloudStep step) {
        return step.status() == null || RAN.contains(step.status());
    }

    private static DbtStep later(DbtStep current, DbtStep candidate) {
        return current == null || candidate.index() > current.index() ? candidate : current;
    }
}
