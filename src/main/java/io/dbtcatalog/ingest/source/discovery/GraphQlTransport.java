package io.dbtcatalog.ingest.source.discovery;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Sends one GraphQL request and returns the whole JSON answer ({@code data} and {@code errors}) of a 2xx response. */
interface GraphQlTransport {

    JsonNode post(String query, Map<String, Object> variables);
}
