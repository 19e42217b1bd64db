package io.dbtcatalog.ingest.source.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@link DbtApiException} messages: what was called, what came back (the envelope's
 * {@code user_message} or at most 500 characters of body) and what to check for that status. Every message passes
 * through {@link ApiToken#redact(String)}.
 */
final class ApiErrors {

    static final int MAX_BODY_CHARS = 500;
    private static final long PEEK_BYTES = 8192;

    private final ApiToken token;

    ApiErrors(ApiToken token) {
        this.token = token;
    }

    DbtApiException failed(Request request, Response response) {
        String body = bodyExcerpt(response);
        String message = request.method() + " " + request.url().encodedPath() + " answered HTTP " + response.code()
                + (body.isEmpty() ? "" : " (" + body + ")") + hint(response.code());
        return new DbtApiException(
                response.code(), request.method(), request.url().encodedPath(), token.redact(message));
    }

    DbtApiException exhausted(Request request, ApiClient.Outcome<?> last, int attempts, String why) {
        String path = request.url().encodedPath();
        String what = last.error() != null
                ? "got no HTTP response (" + describe(last.error()) + "); check base-url and network access to "
                        + request.url().host()
                : "answered HTTP " + last.status()
                        + (last.body() == null || last.body().isEmpty() ? "" : " (" + last.body() + ")");
        String message = request.method() + " " + path + " " + what + " on attempt " + attempts + "; giving up: " + why;
        return new DbtApiException(last.status(), request.method(), path, token.redact(message), last.error());
    }

    /** Names a transport failure; every kind of time-out reads as "timeout", whatever words the JDK chose. */
    static String describe(IOException error) {
        boolean timedOut = error instanceof SocketTimeoutException
                || error instanceof InterruptedIOException
                        && String.valueOf(error.getMessage()).contains("time");
        String detail =
                error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return timedOut ? "timeout, " + detail : detail;
    }

    /** The envelope's {@code status.user_message} when the body is one, else its first 500 characters. */
    String bodyExcerpt(Response response) {
        String raw;
        try {
            raw = response.peekBody(PEEK_BYTES).string().strip();
        } catch (IOException e) {
            return "";
        }
        String excerpt = userMessage(raw);
        if (excerpt == null) {
            excerpt = raw.length() > MAX_BODY_CHARS ? raw.substring(0, MAX_BODY_CHARS) + "…" : raw;
        }
        return token.redact(excerpt.replaceAll("\\s+", " "));
    }

    /** The Admin envelope's {@code status.user_message}, or the {@code errors[].message} of a GraphQL answer. */
    private static String userMessage(String raw) {
        if (!raw.startsWith("{")) {
            return null;
        }
        try {
            JsonNode body = JsonMapper.shared().readTree(raw);
            JsonNode message = body.path("status").path("user_message");
            String text = message.isString() ? message.stringValue() : graphQlMessages(body.path("errors"));
            return text == null ? null : text.substring(0, Math.min(text.length(), MAX_BODY_CHARS));
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String graphQlMessages(JsonNode errors) {
        StringBuilder messages = new StringBuilder();
        for (JsonNode error : errors.values()) {
            if (error.path("message").isString()) {
                messages.append(messages.isEmpty() ? "" : "; ")
                        .append(error.path("message").stringValue());
            }
        }
        return messages.isEmpty() ? null : messages.toString();
    }

    static String hint(int status) {
        return switch (status) {
            case 401 ->
                ": the token was refused. Check that it is a valid service token or personal access token"
                        + " of this account, and that base-url is the account's own access URL (cloud.getdbt.com,"
                        + " emea.dbt.com, au.dbt.com or a cell host such as ACCOUNT_PREFIX.us1.dbt.com): a token used on"
                        + " another region or cell is answered with 401";
            case 403 ->
                ": the token is valid but lacks permission. Give it read access to jobs, runs and"
                        + " artifacts (e.g. a service token with the Job Viewer or Read-Only permission set)";
            case 404 ->
                ": not found. Check account-id and the project, job or run id, and that the token may see"
                        + " them (dbt Cloud answers 404 for objects hidden by permissions and for accounts of another"
                        + " region)";
            default -> "";
        };
    }
}
