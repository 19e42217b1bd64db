package io.dbtcatalog.ingest.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;

/**
 * The catalog database: a JDBC URL for H2 or PostgreSQL plus credentials. The password usually comes from a
 * {@code ${ENV_VAR}} placeholder and is redacted from {@link #toString()}.
 */
public record TargetProperties(
        @NotBlank @Pattern(regexp = "jdbc:(h2|postgresql):.+", message = "must be a jdbc:h2: or jdbc:postgresql: URL")
        String url,

        String username,
        String password) {

    /** True when the URL points at PostgreSQL. */
    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /**
     * The URL to connect with. An embedded H2 file database gets {@code ;AUTO_SERVER=TRUE} (unless the URL sets
     * {@code AUTO_SERVER} itself), so a second process, such as a {@code run} started while another is still going,
     * can open the same file (through the first process) instead of failing with "database already in use".
     */
    public String connectionUrl() {
        if (!isEmbeddedH2File()) {
            return url;
        }
        for (String setting : url.split(";")) {
            if (setting.strip().toUpperCase(Locale.ROOT).startsWith("AUTO_SERVER=")) {
                return url;
            }
        }
        return url + ";AUTO_SERVER=TRUE";
    }

    private boolean isEmbeddedH2File() {
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        String database = url.substring("jdbc:h2:".length()).toLowerCase(Locale.ROOT);
        return !(database.startsWith("mem:")
                || database.startsWith("tcp:")
                || database.startsWith("ssl:")
                || database.startsWith("zip:"));
    }

    @Override
    public String toString() {
        return "TargetProperties[url=" + url + ", username=" + username + ", password=" + Redaction.redact(password)
                + "]";
    }
}
