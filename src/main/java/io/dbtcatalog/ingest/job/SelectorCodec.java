package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.source.RunSelector;
import java.time.Instant;

/** Writes a {@link RunSelector} as a Spring Batch job parameter string and reads it back. */
final class SelectorCodec {

    private SelectorCodec() {
    }

    static String encode(RunSelector selector) {
        if (selector instanceof RunSelector.Single single) {
            return "single:" + single.runKey();
        }
        if (selector instanceof RunSelector.LastN last) {
            return "last:" + last.count();
        }
        if (selector instanceof RunSelector.Window window) {
            return "window:" + window.since() + "/" + (window.until() == null ? "" : window.until().toString());
        }
        return "latest";
    }

    static RunSelector decode(String value) {
        if (value == null || value.equals("latest")) {
            return new RunSelector.Latest();
        }
        int colon = value.indexOf(':');
        String kind = colon < 0 ? value : value.substring(0, colon);
        String rest = colon < 0 ? "" : value.substring(colon + 1);
        return switch (kind) {
            case "single" -> new RunSelector.Single(rest);
            case "last" -> new RunSelector.LastN(Integer.parseInt(rest));
            case "window" -> {
                String[] parts = rest.split("/", -1);
                yield new RunSelector.Window(Instant.parse(parts[0]), parts[1].isEmpty() ? null : Instant.parse(parts[1]));
            }
            default -> throw new IllegalArgumentException("unknown run selector '" + value + "'");
        };
    }
}
