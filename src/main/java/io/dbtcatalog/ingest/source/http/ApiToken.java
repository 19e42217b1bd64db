package io.dbtcatalog.ingest.source.http;

import java.util.regex.Pattern;

/**
 * An API secret (dbt Cloud service token or personal access token). It only leaves this object as an
 * {@code Authorization} header value; {@link #toString()} is redacted and {@link #redact(String)} scrubs it from any
 * text that is about to be logged or thrown.
 */
public final class ApiToken {

    private static final String MASK = "****";

    private final String value;

    private ApiToken(String value) {
        this.value = value;
    }

    /** Wraps a token; blank tokens are refused with a message naming the setting, never the value. */
    public static ApiToken of(String value, String settingName) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(settingName + " is empty: set it, e.g. token: ${DBT_CLOUD_TOKEN}");
        }
        return new ApiToken(value.strip());
    }

    /** The header value for the given scheme, e.g. {@code Token abc}. */
    String headerValue(String scheme) {
        return scheme + " " + value;
    }

    /** {@code text} with every occurrence of the token replaced by a mask; null stays null. */
    public String redact(String text) {
        if (text == null || !text.contains(value)) {
            return text;
        }
        return text.replaceAll(Pattern.quote(value), MASK);
    }

    @Override
    public String toString() {
        return "ApiToken[" + MASK + "]";
    }
}
