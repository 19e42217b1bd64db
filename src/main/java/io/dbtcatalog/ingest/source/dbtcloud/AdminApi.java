package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.source.http.ApiClient;
import io.dbtcatalog.ingest.source.http.ApiToken;
import io.dbtcatalog.ingest.source.http.DbtApiException;
import io.dbtcatalog.ingest.source.http.HttpClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dbt Cloud Admin API v2 calls this source makes, under {@code {base-url}/api/v2/accounts/{account-id}/}: list
 * runs, get one run with its steps, list a run's artifacts, and stream one artifact to a file.
 */
final class AdminApi {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    static final int MAX_PAGE_SIZE = 100;
    private static final String JSON = "application/json";

    private final ApiClient http;
    private final HttpUrl accountUrl;

    /** The API of one source: its own client (timeouts, token, rate limit) derived from the shared one. */
    static AdminApi create(DbtCloudSettings settings, HttpClients clients) {
        ApiClient client =
                clients.apiClient(settings.http(), ApiToken.of(settings.token(), "token of source " + settings.name()));
        return new AdminApi(client, settings.baseUrl(), settings.accountId());
    }

    AdminApi(ApiClient http, URI baseUrl, long accountId) {
        this.http = http;
        this.accountUrl = HttpUrl.get(baseUrl.toString())
                .newBuilder()
                .addPathSegments("api/v2/accounts")
                .addPathSegment(Long.toString(accountId))
                .build();
    }

    /** Filters of the run list; null ids are not sent. */
    record RunFilter(Long projectId, Long jobId, Long environmentId, Set<Integer> statuses) {}

    /** {@code GET runs/?…&order_by=-finished_at&limit=…&offset=…}, newest finished first. */
    Wire.RunList listRuns(RunFilter filter, int offset, int limit) {
        HttpUrl.Builder url = accountUrl.newBuilder().addPathSegment("runs").addPathSegment("");
        addIfPresent(url, "project_id", filter.projectId());
        addIfPresent(url, "job_definition_id", filter.jobId());
        addIfPresent(url, "environment_id", filter.environmentId());
        if (filter.statuses().size() == 1) {
            url.addQueryParameter("status", filter.statuses().iterator().next().toString());
        } else {
            url.addQueryParameter(
                    "status__in",
                    new TreeSet<>(filter.statuses())
                            .stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")));
        }
        url.addQueryParameter("order_by", "-finished_at")
                .addQueryParameter("limit", Integer.toString(Math.min(limit, MAX_PAGE_SIZE)))
                .addQueryParameter("offset", Integer.toString(offset));
        return getJson(url.build(), Wire.RunList.class);
    }

    /** {@code GET runs/{id}/?include_related=run_steps}. */
    Wire.Run getRun(long runId) {
        HttpUrl url = runUrl(runId)
                .addPathSegment("")
                .addQueryParameter("include_related", "run_steps")
                .build();
        Wire.RunEnvelope envelope = getJson(url, Wire.RunEnvelope.class);
        if (envelope == null || envelope.data() == null) {
            throw new DbtCloudException("GET " + url.encodedPath() + " answered without a run in its data");
        }
        return envelope.data();
    }

    /** {@code GET runs/{id}/artifacts/}: whether the run's target folder holds a manifest.json. */
    boolean listsManifest(long runId) {
        HttpUrl url =
                runUrl(runId).addPathSegment("artifacts").addPathSegment("").build();
        return http.get(url, JSON, response -> parse(url, response, AdminApi::containsManifest));
    }

    /**
     * {@code GET runs/{id}/artifacts/{name}[?step=N]} streamed into {@code target}, then checked to be complete JSON.
     * A 404 becomes {@link ArtifactNotFoundException}.
     */
    ArtifactCheck.Checked download(long runId, Integer step, String name, Path target) {
        HttpUrl.Builder builder = runUrl(runId).addPathSegment("artifacts").addPathSegment(name);
        if (step != null) {
            builder.addQueryParameter("step", step.toString());
        }
        HttpUrl url = builder.build();
        try {
            http.get(url, "*/*", response -> copy(response, target));
        } catch (DbtApiException e) {
            if (e.status() == 404) {
                throw new ArtifactNotFoundException(runId, step, name);
            }
            throw e;
        }
        return ArtifactCheck.check(
                target,
                name + " of dbt Cloud run " + runId + (step == null ? "" : " step " + step) + " (" + url.encodedPath()
                        + ")");
    }

    private HttpUrl.Builder runUrl(long runId) {
        return accountUrl.newBuilder().addPathSegment("runs").addPathSegment(Long.toString(runId));
    }

    private <T> T getJson(HttpUrl url, Class<T> type) {
        return http.get(url, JSON, response -> parse(url, response, parser -> MAPPER.readValue(parser, type)));
    }

    private static long copy(Response response, Path target) throws IOException {
        long expected = response.body().contentLength();
        long copied;
        try (InputStream in = response.body().byteStream();
                OutputStream out = Files.newOutputStream(target)) {
            copied = in.transferTo(out);
        }
        if (expected >= 0 && copied != expected) {
            throw new IOException("artifact body ended after " + copied + " of " + expected + " bytes");
        }
        return copied;
    }

    /** Parsing a streamed body: IO failures stay retryable, malformed JSON is a clean, non-retried error. */
    private static <T> T parse(HttpUrl url, Response response, ParserFunction<T> reader) throws IOException {
        try (InputStream in = response.body().byteStream();
                JsonParser parser = MAPPER.createParser(in)) {
            return reader.apply(parser);
        } catch (JacksonIOException e) {
            throw e.getCause() != null ? e.getCause() : new IOException(e);
        } catch (JacksonException e) {
            throw new DbtCloudException("GET " + url.encodedPath() + " answered HTTP " + response.code()
                    + " with a body that is not the expected JSON: " + e.getOriginalMessage());
        }
    }

    private static boolean containsManifest(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("data".equals(field) && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if ("manifest.json".equals(parser.getString())) {
                        return true;
                    }
                }
                return false;
            }
            parser.skipChildren();
        }
        return false;
    }

    private static void addIfPresent(HttpUrl.Builder url, String name, Long value) {
        if (value != null) {
            url.addQueryParameter(name, value.toString());
        }
    }

    @FunctionalInterface
    private interface ParserFunction<T> {
        T apply(JsonParser parser);
    }
}
