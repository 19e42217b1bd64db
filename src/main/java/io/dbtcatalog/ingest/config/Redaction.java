package io.dbtcatalog.ingest.config;

/** Renders secrets in {@code toString()} and messages: never the value, only whether one is set. */
public final class Redaction {

    private Redaction() {}

    public static String redact(String secret) {
        return secret == null || secret.isEmpty() ? "<unset>" : "<redacted>";
    }
}
