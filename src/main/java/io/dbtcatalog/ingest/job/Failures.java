package io.dbtcatalog.ingest.job;

import java.util.LinkedHashSet;
import java.util.Set;

/** Turns an exception chain into the one line a user reads: each distinct message once, outermost first. */
final class Failures {

    private static final int MAX_LENGTH = 2000;

    private Failures() {
    }

    static String oneLine(Throwable failure) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = failure; t != null && messages.size() < 5; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && messages.stream().noneMatch(m -> m.contains(message))) {
                messages.add(message.strip());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String line = messages.isEmpty() ? failure.getClass().getSimpleName() : String.join(": ", messages);
        line = line.replaceAll("\\s*\\R\\s*", " ");
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "…" : line;
    }
}
