package io.dbtcatalog.ingest.source.discovery;

import io.dbtcatalog.ingest.source.http.ApiClient;
import io.dbtcatalog.ingest.source.http.ApiToken;
import io.dbtcatalog.ingest.source.http.DbtApiException;
import io.dbtcatalog.ingest.source.http.HttpClients;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over the shared HTTP layer: {@code POST metadata-url} with {@code {"query", "variables"}} as JSON, the
 * token as {@code Authorization: Token …}, the source's rate limit and the shared retries (429 with
 * {@code Retry-After}, 5xx, IO errors). HTTP failures become {@link DiscoveryException}s naming the source.
 */
final class HttpGraphQlTransport implements GraphQlTransport {

    private static final MediaType JSON = MediaType.get("application/json");

    private final DiscoverySettings settings;
    private final ApiClient client;
    private final HttpUrl url;
    private final JsonMapper mapper;

    HttpGraphQlTransport(DiscoverySettings settings, HttpClients clients, JsonMapper mapper) {
        this.settings = settings;
        this.client = clients.apiClient(settings.http(), ApiToken.of(settings.token(), "token"));
        this.url = HttpUrl.get(settings.metadataUrl().toString());
        this.mapper = mapper;
    }

    @Override
    public JsonNode post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        RequestBody request = RequestBody.create(mapper.writeValueAsBytes(body), JSON);
        try {
            return client.post(url, request, "application/json", response -> {
                try (InputStream in = response.body().byteStream()) {
                    return mapper.readTree(in);
                }
            });
        } catch (DbtApiException e) {
            throw new DiscoveryException(context() + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new DiscoveryException(context() + "answered a body that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private String context() {
        return "source '" + settings.name() + "': Discovery API " + url.host() + url.encodedPath() + " (environment "
                + settings.environmentId() + "): ";
    }
}
