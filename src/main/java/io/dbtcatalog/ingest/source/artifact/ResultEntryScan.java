package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.source.normalize.JsonValues;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads one entry of the {@code results} array of {@code run_results.json} straight from the parser into what the
 * catalog keeps of it ({@link RunResultsReader.Kept}), decision 0026: no tree per entry, no data binding for the
 * usual shapes, the entry's other fields ({@code compiled_code}, {@code relation_name}, {@code thread_id}…) skipped
 * as tokens. The result is the binding of the wire shape {@code unique_id}, {@code status}, {@code timing} (a list of
 * {@link ResultEntries.Timing}), {@code execution_time}, {@code adapter_response.rows_affected}, {@code message},
 * {@code failures} that the reader used before: a value of any other JSON type than the usual one is read as a tree
 * and bound by Jackson as the wire shape's field was, so coercions and refusals stay Jackson's; an entry whose value
 * does not bind is skipped and named with its {@code unique_id} and the first field that did not bind, in file
 * order. A field the scan reads given twice in one object fails the file, as before; a key it skips is not checked
 * for duplicates. A {@code null} step in {@code timing} is passed over.
 */
final class ResultEntryScan {

    private static final int UNIQUE_ID = 1;
    private static final int STATUS = 2;
    private static final int TIMING = 4;
    private static final int EXECUTION_TIME = 8;
    private static final int ADAPTER_RESPONSE = 16;
    private static final int MESSAGE = 32;
    private static final int FAILURES = 64;

    private final ObjectMapper mapper;
    private final JavaType timings;

    ResultEntryScan(ObjectMapper mapper) {
        this.mapper = mapper;
        this.timings = mapper.getTypeFactory().constructCollectionType(List.class, ResultEntries.Timing.class);
    }

    /**
     * Reads the entry whose {@code START_OBJECT} the parser stands on, to its {@code END_OBJECT}; empty, with the
     * problem handed to {@code skipped}, when a value does not bind.
     */
    Optional<RunResultsReader.Kept> entry(JsonParser parser, int line, Consumer<SkippedEntry> skipped) {
        Entry entry = new Entry();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case "unique_id" -> {
                    entry.once(UNIQUE_ID, parser);
                    entry.uniqueId = uniqueId(parser, token, entry);
                }
                case "status" -> {
                    entry.once(STATUS, parser);
                    entry.status = string(parser, token, "status", entry);
                }
                case "timing" -> {
                    entry.once(TIMING, parser);
                    timing(parser, token, entry);
                }
                case "execution_time" -> {
                    entry.once(EXECUTION_TIME, parser);
                    entry.executionTime = decimal(parser, token, entry);
                }
                case "adapter_response" -> {
                    entry.once(ADAPTER_RESPONSE, parser);
                    entry.rowsAffected = rowsAffected(parser, token, entry);
                }
                case "message" -> {
                    entry.once(MESSAGE, parser);
                    entry.message = text(parser, token);
                }
                case "failures" -> {
                    entry.once(FAILURES, parser);
                    entry.failures = whole(parser, token);
                }
                default -> parser.skipChildren();
            }
        }
        if (entry.problem != null) {
            skipped.accept(new SkippedEntry(line, JsonValues.nonBlank(entry.idText), entry.problem));
            return Optional.empty();
        }
        return Optional.of(entry.kept());
    }

    private String uniqueId(JsonParser parser, JsonToken token, Entry entry) {
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NULL) {
            entry.idText = token == JsonToken.VALUE_NULL ? null : parser.getString();
            return entry.idText;
        }
        JsonNode value = tree(parser);
        entry.idText = JsonValues.text(value);
        return bind(value, String.class, "unique_id", entry);
    }

    /** Text as {@code JsonValues.text} reads its tree: a string itself, null for null, else the tree's text. */
    private String text(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        return token == JsonToken.VALUE_NULL ? null : JsonValues.text(tree(parser));
    }

    private String string(JsonParser parser, JsonToken token, String path, Entry entry) {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        return token == JsonToken.VALUE_NULL ? null : bind(tree(parser), String.class, path, entry);
    }

    private Double decimal(JsonParser parser, JsonToken token, Entry entry) {
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getDoubleValue();
        }
        return token == JsonToken.VALUE_NULL ? null : bind(tree(parser), Double.class, "execution_time", entry);
    }

    /** A whole number as {@code JsonValues.whole} reads its tree: the usual int or long directly, else from its tree. */
    private Long whole(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        return JsonValues.whole(tree(parser));
    }

    /** {@code rows_affected} of an {@code adapter_response} object; null for any other value. */
    private Long rowsAffected(JsonParser parser, JsonToken token, Entry entry) {
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        Long rows = null;
        int seen = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            if ("rows_affected".equals(parser.currentName())) {
                seen = Entry.add(seen, 1, parser);
                rows = whole(parser, parser.nextToken());
            } else {
                parser.nextToken();
                parser.skipChildren();
            }
        }
        return rows;
    }

    /** The steps of {@code timing}; the first named {@code execute} gives the result's start and end. */
    private void timing(JsonParser parser, JsonToken token, Entry entry) {
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            List<ResultEntries.Timing> steps = bind(tree(parser), timings, "timing", entry);
            if (steps != null) {
                steps.stream()
                        .filter(step -> step != null)
                        .forEach(step -> entry.step(step.name(), step.startedAt(), step.completedAt()));
            }
            return;
        }
        for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            JsonToken step = parser.currentToken();
            if (step == JsonToken.START_OBJECT) {
                step(parser, index, entry);
            } else if (step != JsonToken.VALUE_NULL) {
                ResultEntries.Timing bound =
                        bind(tree(parser), ResultEntries.Timing.class, stepPath(index, null), entry);
                if (bound != null) {
                    entry.step(bound.name(), bound.startedAt(), bound.completedAt());
                }
            }
        }
    }

    /** A step's object; its paths ({@code timing[1].name}) are spelled only for a value that must be bound. */
    private void step(JsonParser parser, int index, Entry entry) {
        String name = null;
        String started = null;
        String completed = null;
        int seen = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (key) {
                case "name" -> {
                    seen = Entry.add(seen, 1, parser);
                    name = stepString(parser, token, index, "name", entry);
                }
                case "started_at" -> {
                    seen = Entry.add(seen, 2, parser);
                    started = stepString(parser, token, index, "started_at", entry);
                }
                case "completed_at" -> {
                    seen = Entry.add(seen, 4, parser);
                    completed = stepString(parser, token, index, "completed_at", entry);
                }
                default -> parser.skipChildren();
            }
        }
        entry.step(name, started, completed);
    }

    private String stepString(JsonParser parser, JsonToken token, int index, String field, Entry entry) {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        return token == JsonToken.VALUE_NULL ? null : bind(tree(parser), String.class, stepPath(index, field), entry);
    }

    private static String stepPath(int index, String field) {
        return "timing[" + index + "]" + (field == null ? "" : "." + field);
    }

    private JsonNode tree(JsonParser parser) {
        return mapper.readTree(parser);
    }

    private <T> T bind(JsonNode value, Class<T> type, String path, Entry entry) {
        return bind(value, mapper.constructType(type), path, entry);
    }

    private <T> T bind(JsonNode value, JavaType type, String path, Entry entry) {
        try {
            return mapper.treeToValue(value, type);
        } catch (DatabindException e) {
            entry.fail(JsonProblems.mismatch(path, value, e));
            return null;
        }
    }

    /** What one entry has given so far, with what only this reading needs; lives while its object is read. */
    private static final class Entry extends ResultValues {
        private int seen;
        private String idText;
        private String problem;

        /** Fails the file when the field {@code bit} stands for came before in this object. */
        void once(int bit, JsonParser parser) {
            seen = add(seen, bit, parser);
        }

        /** {@code seen} with {@code bit} added; fails the file when it was there (the key the parser is on, twice). */
        static int add(int seen, int bit, JsonParser parser) {
            if ((seen & bit) != 0) {
                throw ArtifactStream.duplicate(parser.currentName(), parser);
            }
            return seen | bit;
        }

        void fail(String reason) {
            if (problem == null) {
                problem = reason;
            }
        }
    }
}
