package io.dbtcatalog.ingest.source.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The {@code errors} array of one GraphQL answer, classified: a page too large for the server (page size or query
 * complexity, worth retrying with a smaller {@code first}), an authorization refusal, a query that does not validate
 * against the server's schema, or anything else. Any error fails the answer, even with partial {@code data}.
 */
record GraphQlErrors(List<String> messages, List<String> codes) {

    private static final Pattern PAGE_TOO_LARGE = Pattern.compile(
            "complexity|page size|too large|too many|too complex|maximum .*(first|page)|first.*(maximum|at most)");
    private static final Set<String> UNAUTHORIZED = Set.of("UNAUTHENTICATED", "FORBIDDEN", "UNAUTHORIZED");

    static GraphQlErrors of(JsonNode answer) {
        List<String> messages = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (JsonNode error : answer.path("errors").values()) {
            JsonNode message = error.path("message");
            messages.add(message.isString() ? message.stringValue() : error.toString());
            JsonNode code = error.path("extensions").path("code");
            if (code.isString()) {
                codes.add(code.stringValue());
            }
        }
        return new GraphQlErrors(List.copyOf(messages), List.copyOf(codes));
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    boolean pageTooLarge() {
        return messages.stream()
                .anyMatch(
                        m -> PAGE_TOO_LARGE.matcher(m.toLowerCase(Locale.ROOT)).find());
    }

    boolean unauthorized() {
        return codes.stream().anyMatch(UNAUTHORIZED::contains)
                || messages.stream()
                        .anyMatch(m -> m.toLowerCase(Locale.ROOT).matches(".*\\b(unauthori[sz]ed|forbidden)\\b.*"));
    }

    boolean validation() {
        return codes.contains("GRAPHQL_VALIDATION_FAILED") || codes.contains("GRAPHQL_PARSE_FAILED");
    }

    /** The server's messages, and what to check for the kind of error. */
    String describe(long environmentId) {
        String server = String.join("; ", messages) + (codes.isEmpty() ? "" : " " + codes);
        if (unauthorized()) {
            return server + ". The token may not read environment " + environmentId + ": check environment-id, that"
                    + " the token is a service token with the Metadata Only (or Read-Only) permission for its project,"
                    + " and that metadata-url is the Discovery endpoint of the account's region or cell";
        }
        if (validation()) {
            return server + ". The query does not validate against the server's schema: the Discovery API may"
                    + " have changed";
        }
        if (pageTooLarge()) {
            return server + ". Even the smallest page was refused: lower page-size or retry later";
        }
        return server;
    }
}
