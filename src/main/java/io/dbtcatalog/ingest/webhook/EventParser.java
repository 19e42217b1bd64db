package io.dbtcatalog.ingest.webhook;

import java.time.DateTimeException;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a webhook body into a {@link DbtCloudEvent}: {@code eventId}, {@code eventType}, {@code accountId} (a number)
 * and {@code data.runId}, {@code data.jobId} (strings holding ids; numbers are accepted too) are required;
 * {@code data.environmentId}, {@code data.projectId}, {@code data.runStatusCode}, {@code data.runStatus} and
 * {@code timestamp} are read when present. Unknown fields are ignored. Anything else is a
 * {@link MalformedEventException} naming the key.
 */
final class EventParser {

    private static final JsonMapper MAPPER = JsonMapper.shared();

    private EventParser() {}

    static DbtCloudEvent parse(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedEventException("the body is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("the body is not a JSON object");
        }
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw new MalformedEventException("'data' is missing or not an object");
        }
        return new DbtCloudEvent(
                requiredText(root, "eventId", "eventId"),
                requiredText(root, "eventType", "eventType"),
                timestamp(root.path("timestamp")),
                requiredId(root, "accountId", "accountId"),
                requiredId(data, "runId", "data.runId"),
                requiredId(data, "jobId", "data.jobId"),
                optionalId(data, "environmentId", "data.environmentId"),
                optionalId(data, "projectId", "data.projectId"),
                statusCode(data.path("runStatusCode")),
                data.path("runStatus").isString() ? data.path("runStatus").asString() : null);
    }

    private static String requiredText(JsonNode node, String field, String key) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new MalformedEventException("'" + key + "' is missing or not a string");
        }
        return value.asString();
    }

    private static long requiredId(JsonNode node, String field, String key) {
        Long id = optionalId(node, field, key);
        if (id == null) {
            throw new MalformedEventException("'" + key + "' is missing");
        }
        return id;
    }

    /** An id sent as a string of digits (dbt Cloud's ids in {@code data}) or as a number; null when absent. */
    private static Long optionalId(JsonNode node, String field, String key) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() > 0) {
            return value.longValue();
        }
        if (value.isString() && value.asString().strip().matches("[0-9]{1,18}")) {
            long id = Long.parseLong(value.asString().strip());
            if (id > 0) {
                return id;
            }
        }
        throw new MalformedEventException("'" + key + "' is not a dbt Cloud id (a positive number)");
    }

    private static Integer statusCode(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isString() && value.asString().strip().matches("[0-9]{1,4}")) {
            return Integer.parseInt(value.asString().strip());
        }
        return null;
    }

    private static Instant timestamp(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        try {
            return Instant.parse(value.asString());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The body is not a dbt Cloud webhook event; the message names what is wrong, never the body. */
    static final class MalformedEventException extends RuntimeException {
        MalformedEventException(String message) {
            super(message);
        }
    }
}
