package io.dbtcatalog.ingest.bench;

import java.time.Instant;
import tools.jackson.core.JsonGenerator;

/**
 * The {@code metadata} block the three artifacts of one synthetic dbt invocation share: same invocation id, dbt
 * version and timestamps, as dbt writes them when one {@code dbt build} and {@code dbt docs generate} run together.
 */
record InvocationMetadata(
        String dbtVersion,
        String invocationId,
        Instant invocationStartedAt,
        Instant generatedAt,
        String projectName,
        String projectId,
        String adapterType) {

    static InvocationMetadata of(long seed) {
        String invocation = BenchNames.hex(seed, 8) + "-" + BenchNames.hex(seed + 1, 4) + "-4"
                + BenchNames.hex(seed + 2, 3) + "-a" + BenchNames.hex(seed + 3, 3) + "-" + BenchNames.hex(seed + 4, 12);
        Instant started = Instant.parse("2026-03-02T06:00:00.123456Z");
        return new InvocationMetadata(
                "1.10.22",
                invocation,
                started,
                started.plusSeconds(1800),
                BenchNames.PROJECT,
                BenchNames.hex(seed + 5, 32),
                "snowflake");
    }

    /** The metadata of the next dbt invocation of the same project, a day later. */
    InvocationMetadata next() {
        String invocation = java.util
                .UUID
                .nameUUIDFromBytes((invocationId + " next").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        return new InvocationMetadata(
                dbtVersion,
                invocation,
                invocationStartedAt.plus(java.time.Duration.ofDays(1)),
                generatedAt.plus(java.time.Duration.ofDays(1)),
                projectName,
                projectId,
                adapterType);
    }

    /** Writes the {@code metadata} property; the manifest adds project and adapter fields. */
    void write(JsonGenerator g, String schemaVersion, boolean manifest) {
        g.writeObjectPropertyStart("metadata");
        g.writeStringProperty("dbt_schema_version", schemaVersion);
        g.writeStringProperty("dbt_version", dbtVersion);
        g.writeStringProperty("generated_at", generatedAt.toString());
        g.writeStringProperty("invocation_id", invocationId);
        g.writeStringProperty("invocation_started_at", invocationStartedAt.toString());
        Json.emptyObject(g, "env");
        if (manifest) {
            g.writeStringProperty("project_name", projectName);
            g.writeStringProperty("project_id", projectId);
            g.writeStringProperty("user_id", invocationId);
            g.writeBooleanProperty("send_anonymous_usage_stats", false);
            g.writeStringProperty("adapter_type", adapterType);
            g.writeObjectPropertyStart("quoting");
            g.writeBooleanProperty("database", false);
            g.writeBooleanProperty("schema", false);
            g.writeBooleanProperty("identifier", false);
            g.writeNullProperty("column");
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
