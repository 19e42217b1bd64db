package io.dbtcatalog.ingest.source.artifact;

import static io.dbtcatalog.ingest.source.normalize.JsonValues.nonBlank;

import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The dbt command that wrote a {@code run_results.json} and whether it executed nodes (so its statuses are real
 * outcomes). Read from {@code args.which}; older files from {@code args.rpc_method}; else from the first dbt
 * sub-command in {@code args.invocation_command}. A command is executing unless it is one dbt documents as not
 * running nodes ({@code docs generate}, {@code compile}, {@code run-operation}…), so {@code retry} and commands of a
 * newer dbt keep their results; when nothing names the command it cannot be proven non-executing either.
 */
record ResultsCommand(String name, boolean executing) {

    static final Set<String> EXECUTING = Set.of("build", "run", "test", "seed", "snapshot", "retry");
    private static final Set<String> NON_EXECUTING = Set.of(
            "docs",
            "generate",
            "compile",
            "parse",
            "ls",
            "list",
            "run-operation",
            "source",
            "freshness",
            "show",
            "debug",
            "deps",
            "clean",
            "clone",
            "init");

    static ResultsCommand of(JsonNode args) {
        String which = nonBlank(args.path("which"));
        if (which != null) {
            return named(which);
        }
        String rpcMethod = nonBlank(args.path("rpc_method"));
        if (rpcMethod != null) {
            return named("docs.generate".equals(rpcMethod) ? "generate" : rpcMethod);
        }
        String invocation = nonBlank(args.path("invocation_command"));
        String subCommand = invocation == null ? null : firstSubCommand(invocation);
        return subCommand == null ? new ResultsCommand(null, true) : named(subCommand);
    }

    private static ResultsCommand named(String command) {
        String name = command.trim().toLowerCase(Locale.ROOT);
        return new ResultsCommand(name, !NON_EXECUTING.contains(name));
    }

    private static String firstSubCommand(String invocation) {
        String[] words = invocation.trim().toLowerCase(Locale.ROOT).split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (EXECUTING.contains(words[i])) {
                return words[i];
            }
            if (NON_EXECUTING.contains(words[i])) {
                boolean docsGenerate =
                        "docs".equals(words[i]) && i + 1 < words.length && "generate".equals(words[i + 1]);
                return docsGenerate ? "generate" : words[i];
            }
        }
        return null;
    }
}
