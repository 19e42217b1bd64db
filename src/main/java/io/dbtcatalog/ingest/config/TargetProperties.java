package io.dbtcatalog.ingest.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

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

    @Override
    public String toString() {
        return "TargetProperties[url=" + url + ", username=" + username + ", password="
                + Redaction.redact(password) + "]";
    }
}
