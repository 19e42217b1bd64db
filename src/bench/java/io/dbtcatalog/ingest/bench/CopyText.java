package io.dbtcatalog.ingest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes rows in PostgreSQL's {@code COPY ... FROM STDIN} text format: tab-separated, {@code \N} for null,
 * backslash, tab, newline and carriage return escaped.
 */
final class CopyText implements AutoCloseable {

    private final Writer out;
    private long rows;

    CopyText(Writer out) {
        this.out = out;
    }

    void row(String... values) {
        try {
            for (int v = 0; v < values.length; v++) {
                if (v > 0) {
                    out.write('\t');
                }
                value(values[v]);
            }
            out.write('\n');
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a COPY row", e);
        }
    }

    private void value(String value) throws IOException {
        if (value == null) {
            out.write("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close a COPY file", e);
        }
    }
}
