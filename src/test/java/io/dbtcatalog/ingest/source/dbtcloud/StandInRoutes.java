package io.dbtcatalog.ingest.source.dbtcloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import tools.jackson.databind.node.ArrayNode;

/**
 * The stand-in's routes under {@code /api/v2/accounts/{account}/}: {@code runs/}, {@code runs/{id}/},
 * {@code runs/{id}/artifacts/} and {@code runs/{id}/artifacts/{path}?step=N}, with or without trailing slash.
 */
final class StandInRoutes {

    private final long accountId;
    private final Map<Long, StandInRun> runs;
    private final StandInJson json;

    StandInRoutes(long accountId, Map<Long, StandInRun> runs, StandInJson json) {
        this.accountId = accountId;
        this.runs = runs;
        this.json = json;
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    MockResponse route(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        List<String> path = new ArrayList<>(url.pathSegments());
        path.removeIf(String::isEmpty);
        if (!"GET".equals(request.getMethod())) {
            return json(405, StandInJson.errorBody(405, "Method not allowed."));
        }
        if (path.size() < 5
                || !path.subList(0, 3).equals(List.of("api", "v2", "accounts"))
                || !path.get(4).equals("runs")) {
            return notFound();
        }
        if (!path.get(3).equals(Long.toString(accountId))) {
            return json(404, StandInJson.errorBody("admin-error-404-permission-hint.json"));
        }
        if (path.size() == 5) {
            return new StandInRunList(accountId, runs.values(), json).answer(url);
        }
        StandInRun run = parseId(path.get(5)) == null ? null : runs.get(parseId(path.get(5)));
        if (run == null) {
            return notFound();
        }
        if (path.size() == 6) {
            return json(200, StandInJson.write(StandInJson.envelope(json.run(run, accountId, includes(url)))));
        }
        if (!path.get(6).equals("artifacts")) {
            return notFound();
        }
        if (path.size() == 7) {
            return artifactList(run);
        }
        return artifact(run, String.join("/", path.subList(7, path.size())), url.queryParameter("step"));
    }

    private MockResponse artifactList(StandInRun run) {
        if (!run.artifactsSaved()) {
            return json(200, StandInJson.write(StandInJson.envelope(null)));
        }
        ArrayNode names = StandInJson.array();
        run.filesAfterStep(run.lastStep()).keySet().stream().sorted().forEach(names::add);
        names.add("compiled/project/models/example.sql").add("run/project/models/example.sql");
        return json(200, StandInJson.write(StandInJson.envelope(names)));
    }

    private MockResponse artifact(StandInRun run, String name, String stepParameter) {
        Integer step = stepParameter == null ? Integer.valueOf(run.lastStep()) : parseInt(stepParameter);
        if (step == null || step < 1 || step > run.lastStep()) {
            return json(400, StandInJson.errorBody(400, "Invalid step " + stepParameter + "."));
        }
        Path file = run.artifactsSaved() ? run.filesAfterStep(step).get(name) : null;
        if (file == null) {
            return json(404, StandInJson.errorBody("admin-v2-get-run-artifact-catalog-missing.json"));
        }
        FileBody body = new FileBody(file);
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .addHeader("Content-Length", body.getContentLength())
                .body(body)
                .build();
    }

    private MockResponse notFound() {
        return json(404, StandInJson.errorBody("admin-v2-get-run-not-found.json"));
    }

    /** {@code include_related} as a comma list, a bracketed / quoted list or repeated keys. */
    static Set<String> includes(HttpUrl url) {
        Set<String> values = new HashSet<>();
        for (String raw : url.queryParameterValues("include_related")) {
            Arrays.stream(
                            raw == null
                                    ? new String[0]
                                    : raw.replaceAll("[\\[\\]'\" ]", "").split(","))
                    .filter(value -> !value.isEmpty())
                    .forEach(values::add);
        }
        return values;
    }

    private static Long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer parseInt(String text) {
        Long value = parseId(text);
        return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    /** A response body streamed from a file, with its exact Content-Length. */
    record FileBody(Path file) implements MockResponseBody {

        @Override
        public long getContentLength() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new IllegalStateException("stand-in artifact " + file + " is unreadable", e);
            }
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try (Source source = Okio.source(file.toFile())) {
                sink.writeAll(source);
            }
            sink.flush();
        }
    }
}
