package io.dbtcatalog.ingest.source.artifact;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One entry of a result list or of the warehouse catalog that was left out because its shape was not what dbt
 * writes (a field of another JSON type, an entry that is not an object): where it starts, its unique id when it has
 * one, and what was wrong. The reader turns them into one warning per file.
 */
record SkippedEntry(int line, String uniqueId, String problem) {

    /** How many examples a warning names. */
    private static final int EXAMPLES = 3;

    /** One warning naming how many entries were skipped and the first few of them. */
    static String warning(String what, List<SkippedEntry> skipped, String consequence) {
        String examples =
                skipped.stream().limit(EXAMPLES).map(SkippedEntry::describe).collect(Collectors.joining("; "));
        String more = skipped.size() > EXAMPLES ? "; …" : "";
        return skipped.size() + " " + what + " of unexpected shape skipped (" + examples + more + "); " + consequence;
    }

    private String describe() {
        return "line " + line + (uniqueId == null ? "" : " " + uniqueId) + ": " + problem;
    }
}
