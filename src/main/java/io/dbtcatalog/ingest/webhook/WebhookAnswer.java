package io.dbtcatalog.ingest.webhook;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the receiver answers one delivery: the HTTP status and a small JSON body saying what happened
 * ({@code queued}, {@code ignored} with the reason, or the error), never echoing the request.
 */
record WebhookAnswer(int status, String outcome, String detail, List<String> sources) {

    WebhookAnswer {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    static WebhookAnswer queued(List<String> sources) {
        return new WebhookAnswer(202, "queued", null, sources);
    }

    static WebhookAnswer ignored(String reason, List<String> sources) {
        return new WebhookAnswer(200, "ignored", reason, sources);
    }

    static WebhookAnswer error(int status, String message) {
        return new WebhookAnswer(status, "rejected", message, List.of());
    }

    /** The JSON body. */
    String body() {
        ObjectNode node = JsonMapper.shared().createObjectNode();
        node.put("outcome", outcome);
        if (detail != null) {
            node.put(status >= 400 ? "error" : "reason", detail);
        }
        if (!sources.isEmpty()) {
            sources.forEach(node.putArray("sources")::add);
        }
        return node.toString();
    }
}
