package io.dbtcatalog.ingest.source.dbtcloud;

import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves a downloaded artifact is one complete JSON object before anyone parses it for real, streaming through it
 * token by token (never holding it in memory). On the way it notes the run_results {@code args.which}, the dbt
 * command that wrote the file, so results written by {@code dbt docs generate} can be refused.
 */
final class ArtifactCheck {

    private ArtifactCheck() {}

    /** What the check learnt: the {@code args.which} value, or null when the file has none. */
    record Checked(String argsWhich) {}

    /** Checks {@code file}; throws {@link DbtCloudException} naming {@code what} when it is not complete JSON. */
    static Checked check(Path file, String what) {
        try (JsonParser parser = JsonMapper.shared().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(what, "it is not a JSON object", null);
            }
            String which = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("args".equals(field) && value == JsonToken.START_OBJECT) {
                    which = readWhich(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw invalid(what, "content follows the top-level object", parser.currentLocation());
            }
            return new Checked(which);
        } catch (JacksonException e) {
            throw invalid(what, e.getOriginalMessage(), e.getLocation());
        }
    }

    private static String readWhich(JsonParser parser) {
        String which = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("which".equals(field) && value == JsonToken.VALUE_STRING) {
                which = parser.getString();
            } else {
                parser.skipChildren();
            }
        }
        return which;
    }

    private static DbtCloudException invalid(String what, String reason, TokenStreamLocation location) {
        String where =
                location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return new DbtCloudException(what + " is not complete, valid JSON: " + reason + where);
    }
}
