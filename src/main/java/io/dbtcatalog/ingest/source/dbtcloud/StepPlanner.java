package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.model.RunLocator;
import io.dbtcatalog.ingest.source.dbtcloud.StepPlan.DbtStep;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a run's steps and chooses, by each step's command text ({@code Invoke dbt with `dbt build`}), which step
 * every artifact must come from. Only steps that ran (status 10 success or 20 error) count: a failed build still
 * wrote its manifest and run_results, a skipped one did not. The run_results of {@code dbt docs generate} are never
 * used, because they report every node as "success".
 */
final class StepPlanner {

    private static final int MAX_WORDS_TO_COMMAND = 4;
    private static final Set<String> RESULTS_COMMANDS = Set.of("build", "run", "test");
    private static final Set<String> KNOWN_COMMANDS = Set.of("build", "run", "test", "seed", "snapshot", "compile",
            "parse", "docs generate", "source freshness", "run-operation", "ls", "list", "show", "retry", "clone",
            "deps", "clean", "debug", "init");
    private static final Set<String> NO_MANIFEST_COMMANDS = Set.of("deps", "clean", "debug", "init");
    private static final Set<Integer> RAN = Set.of(10, 20);

    private StepPlanner() {
    }

    static StepPlan plan(List<RunLocator.CloudStep> steps) {
        if (steps == null || steps.isEmpty()) {
            return StepPlan.defaultArtifacts();
        }
        DbtStep results = null;
        DbtStep docs = null;
        DbtStep freshness = null;
        DbtStep other = null;
        for (RunLocator.CloudStep step : steps) {
            String command = command(step.name());
            if (command == null || step.index() == null || !ran(step)) {
                continue;
            }
            DbtStep dbtStep = new DbtStep(step.index(), command);
            if (RESULTS_COMMANDS.contains(command)) {
                results = later(results, dbtStep);
            } else if (command.equals("docs generate")) {
                docs = later(docs, dbtStep);
            } else if (command.equals("source freshness")) {
                freshness = later(freshness, dbtStep);
            } else if (!NO_MANIFEST_COMMANDS.contains(command)) {
                other = later(other, dbtStep);
            }
        }
        DbtStep manifest = results != null ? results : docs != null ? docs : other != null ? other : freshness;
        return new StepPlan(manifest, results, docs, freshness, true);
    }

    /**
     * The dbt command a step name runs ({@code build}, {@code docs generate}, {@code source freshness}) or null:
     * the first known command word after a {@code dbt} word, skipping flags such as {@code --warn-error}.
     */
    static String command(String stepName) {
        if (stepName == null) {
            return null;
        }
        String[] words = stepName.replaceAll("[`'\"]", " ").toLowerCase(Locale.ROOT).strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (!words[i].equals("dbt")) {
                continue;
            }
            for (int j = i + 1; j < words.length && j <= i + MAX_WORDS_TO_COMMAND && !words[j].equals("dbt"); j++) {
                String command = words[j].startsWith("-") ? null
                        : known(words[j], j + 1 < words.length ? words[j + 1] : "");
                if (command != null) {
                    return command;
                }
            }
        }
        return null;
    }

    private static String known(String word, String next) {
        return switch (word) {
            case "docs" -> next.equals("generate") ? "docs generate" : null;
            case "source" -> next.equals("freshness") || next.equals("snapshot-freshness") ? "source freshness" : null;
            default -> KNOWN_COMMANDS.contains(word) ? word : null;
        };
    }

    private static boolean ran(RunLocator.CloudStep step) {
        return step.status() == null || RAN.contains(step.status());
    }

    private static DbtStep later(DbtStep current, DbtStep candidate) {
        return current == null || candidate.index() > current.index() ? candidate : current;
    }
}
