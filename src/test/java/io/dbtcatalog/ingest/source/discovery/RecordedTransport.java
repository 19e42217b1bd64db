package io.dbtcatalog.ingest.source.discovery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Test code: a transport answering queued bodies (e.g. the recorded examples) and keeping every variables map sent. */
final class RecordedTransport implements GraphQlTransport {

    private final Deque<JsonNode> answers = new ArrayDeque<>();
    private final List<Map<String, Object>> sent = new ArrayList<>();

    RecordedTransport answer(JsonNode body) {
        answers.add(body);
        return this;
    }

    List<Map<String, Object>> sent() {
        return sent;
    }

    @Override
    public JsonNode post(String query, Map<String, Object> variables) {
        sent.add(variables);
        if (answers.isEmpty()) {
            throw new IllegalStateException("no recorded answer left for " + variables);
        }
        return answers.poll();
    }
}
