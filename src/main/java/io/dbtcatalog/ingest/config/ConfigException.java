package io.dbtcatalog.ingest.config;

import java.util.List;

/** A configuration that cannot be used: each problem names the key (e.g. {@code ingestion.sources[0].path}). */
public class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(String file, List<String> problems) {
        super("Invalid configuration in " + file + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
