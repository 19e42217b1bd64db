package io.dbtcatalog.ingest.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Small helpers over Jackson's streaming {@link JsonGenerator} for the artifact writers. */
final class Json {

    static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /** A generator on a new file; the caller closes it (which flushes and closes the file). */
    static JsonGenerator open(Path file) {
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            return FACTORY.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeArrayPropertyStart(name);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    static void stringMap(JsonGenerator g, String name, Map<String, String> values) {
        g.writeObjectPropertyStart(name);
        values.forEach(g::writeStringProperty);
        g.writeEndObject();
    }

    static void emptyObject(JsonGenerator g, String name) {
        g.writeObjectPropertyStart(name);
        g.writeEndObject();
    }

    static void emptyArray(JsonGenerator g, String name) {
        g.writeArrayPropertyStart(name);
        g.writeEndArray();
    }

    static void nullable(JsonGenerator g, String name, String value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeStringProperty(name, value);
        }
    }

    /** {@code {"name": ..., "checksum": ...}} as dbt writes file checksums. */
    static void checksum(JsonGenerator g, String algorithm, String value) {
        g.writeObjectPropertyStart("checksum");
        g.writeStringProperty("name", algorithm);
        g.writeStringProperty("checksum", value);
        g.writeEndObject();
    }

    /** {@code {"show": true, "node_color": null}}. */
    static void docs(JsonGenerator g) {
        g.writeObjectPropertyStart("docs");
        g.writeBooleanProperty("show", true);
        g.writeNullProperty("node_color");
        g.writeEndObject();
    }

    /** {@code depends_on} with macros and nodes. */
    static void dependsOn(JsonGenerator g, List<String> macros, List<String> nodes) {
        g.writeObjectPropertyStart("depends_on");
        strings(g, "macros", macros);
        strings(g, "nodes", nodes);
        g.writeEndObject();
    }
}
