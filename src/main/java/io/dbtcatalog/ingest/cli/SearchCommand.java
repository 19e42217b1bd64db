package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.store.query.CatalogQueries;
import io.dbtcatalog.ingest.store.query.SearchHit;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code search TEXT [--type T] [--tag T] [--limit N] [--json]}: nodes of every project whose name, unique id,
 * description or a column name contains the text, best matches first.
 */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "nodes of every project by name, unique_id, description or column; filter by type and tag")
final class SearchCommand extends QueryCommand {

    @Parameters(index = "0", paramLabel = "TEXT", description = "text to find, case-insensitive (\"\" for any)")
    private String text;

    @Option(names = "--type", paramLabel = "T", description = "only this resource type (model, source, exposure…)")
    private String type;

    @Option(names = "--tag", paramLabel = "T", description = "only nodes with this dbt tag")
    private String tag;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "at most N nodes (default: 50)")
    private int limit;

    @Override
    void checkOptions() {
        if (limit < 1) {
            throw new OptionValueException(spec(), "--limit takes a number of nodes, 1 or more");
        }
    }

    @Override
    int answer(CatalogQueries queries, PrintStream out) {
        List<SearchHit> hits = queries.search(text, type, tag, limit);
        if (json) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("text", text);
            answer.put("type", type);
            answer.put("tag", tag);
            answer.put("limit", limit);
            answer.put("hits", hits);
            printJson(out, answer);
            return IngestCli.OK;
        }
        out.println(hits.size() + (hits.size() == 1 ? " node matches" : " nodes match") + " '" + text + "'"
                + (type == null ? "" : ", type " + type) + (tag == null ? "" : ", tag " + tag)
                + (hits.size() == limit ? " (first " + limit + "; --limit N for more)" : ""));
        if (hits.isEmpty()) {
            return IngestCli.OK;
        }
        TextTable table = new TextTable("type", "node", "matched", "description");
        for (SearchHit hit : hits) {
            table.row(
                    hit.node().resourceType(),
                    hit.node().key().label(),
                    hit.matched(),
                    hit.node().description() == null ? "" : hit.node().description());
        }
        table.print(out, "  ");
        return IngestCli.OK;
    }
}
