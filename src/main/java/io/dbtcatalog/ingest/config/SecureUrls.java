package io.dbtcatalog.ingest.config;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The transport rule for API URLs that carry a token: {@code https}, except for loopback addresses
 * ({@code localhost}, {@code 127.x.x.x}, {@code ::1}) where local stand-ins and tunnels listen. The host is judged
 * as written, never resolved, so a name that merely resolves to a loopback address still needs https.
 */
final class SecureUrls {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private SecureUrls() {
    }

    /** The problem with {@code url} under {@code key}, if it breaks the rule; empty for null (reported elsewhere). */
    static Optional<String> problem(String key, URI url) {
        if (url == null || "https".equalsIgnoreCase(url.getScheme())) {
            return Optional.empty();
        }
        if ("http".equalsIgnoreCase(url.getScheme()) && isLoopback(url.getHost())) {
            return Optional.empty();
        }
        return Optional.of(key + ": must be an https URL (the token travels with every request); plain http is"
                + " accepted only for loopback addresses such as http://127.0.0.1:8080; was "
                + (url.getHost() == null ? "a " + url.getScheme() + " URL" : url.getScheme() + "://" + url.getHost()));
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || IPV4_LOOPBACK.matcher(h).matches();
    }
}
