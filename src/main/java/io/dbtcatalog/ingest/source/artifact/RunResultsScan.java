package io.dbtcatalog.ingest.source.artifact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A {@code run_results.json} read as a byte scan (decision 0028): the {@link JsonBytes} scanner the state-digest pass
 * runs, in its strict UTF-8 mode, reads the file that {@link RunResultsReader} reads with Jackson, to the same
 * {@link RunResultsReader.Parsed}. It reads only what dbt writes: each read field of a result with its usual JSON
 * type ({@link ResultEntryBytes}). {@code metadata} and {@code args} are small and read by Jackson from their bytes,
 * as trees, then checked as the walk checks them.
 *
 * <p>Anything else gives no result, and the caller reads the file with Jackson ({@link ArtifactStream}), which names
 * the problem or binds the unusual value as it always has: JSON the scanner refuses, a value of another type, a key
 * given twice, an element that is not an object, metadata that is not a run results artifact's. So where the scan
 * gives a result, it is the one Jackson's reading gives; where Jackson's reading fails, the scan gives none.
 */
final class RunResultsScan {

    private static final Logger log = LoggerFactory.getLogger(RunResultsScan.class);

    private final ObjectMapper mapper;

    RunResultsScan(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The file read as {@link RunResultsReader#parse} reads it, or null when the scan leaves it to Jackson. */
    RunResultsReader.Parsed parse(Path file) {
        try (JsonBytes json = new JsonBytes(file, true)) {
            return new FileScan(json, file).parse();
        } catch (IOException | RuntimeException e) {
            log.debug("run results {} left to Jackson's reading: {}", file, e.toString());
            return null;
        }
    }

    /** The scan of one file. */
    private final class FileScan {
        private final JsonBytes json;
        private final Path file;
        private final ResultEntryBytes entries;
        private final List<RunResultsReader.Kept> executions = new ArrayList<>();

        FileScan(JsonBytes json, Path file) {
            this.json = json;
            this.file = file;
            this.entries = new ResultEntryBytes(json);
        }

        RunResultsReader.Parsed parse() throws IOException {
            if (json.tokenOrEnd() != '{') {
                throw unusual("no JSON object");
            }
            json.enter();
            ArtifactMetadata metadata = null;
            JsonNode args = MissingNode.getInstance();
            Set<String> names = new HashSet<>();
            int c = json.token();
            while (c != '}') {
                if (c != '"') {
                    throw unusual("a quoted name expected");
                }
                String name = json.key();
                if (!names.add(name)) {
                    throw unusual("top-level key '" + name + "' twice");
                }
                json.colon();
                switch (name) {
                    case "metadata" -> metadata = ArtifactStream.checked(file, ArtifactKind.RUN_RESULTS, tree());
                    case "args" -> args = tree();
                    case "results" -> results();
                    default -> json.skipValue();
                }
                c = json.nextMember();
            }
            json.leave();
            if (json.tokenOrEnd() >= 0) {
                throw unusual("content after the top-level object");
            }
            if (metadata == null) {
                throw unusual("no metadata");
            }
            ResultsCommand command = ResultsCommand.of(args);
            return new RunResultsReader.Parsed(
                    metadata, command, command.executing() ? executions : List.of(), List.of());
        }

        /** The value at the next token, read by Jackson from its bytes. */
        private JsonNode tree() throws IOException {
            return mapper.readTree(json.valueBytes());
        }

        private void results() throws IOException {
            int c = json.token();
            if (c == 'n') {
                json.skipValue();
                return;
            }
            if (c != '[') {
                throw unusual("results not a list");
            }
            json.enter();
            for (c = json.token(); c != ']'; c = json.nextElement()) {
                if (c != '{') {
                    throw unusual("a result that is not an object");
                }
                executions.add(entries.entry());
            }
            json.leave();
        }

        private IllegalStateException unusual(String what) {
            return entries.unusual(what);
        }
    }
}
