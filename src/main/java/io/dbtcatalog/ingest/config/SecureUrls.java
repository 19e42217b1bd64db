package io.dbtcatalog.ingest.config;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for API URLs that carry a token. Transport: {@code https}, except for loopback addresses
 * ({@code localhost}, {@code 127.x.x.x}, {@code ::1}) where local stand-ins and tunnels listen; the host is judged
 * as written, never resolved, so a name that merely resolves to a loopback address still needs https. Shape: a host,
 * and no query, fragment or user info.
 */
final class SecureUrls {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private SecureUrls() {}

    /** What is wrong with {@code url}, if anything; {@code what} says what it should be, with examples. */
    static Optional<String> problem(URI url, String what) {
        Optional<String> transport = transportProblem(url);
        if (transport.isPresent()) {
            return transport;
        }
        if (url.getHost() == null) {
            return Optional.of("must be " + what + "; was " + url);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            return Optional.of("must not carry a query, fragment or user info; was " + url.getScheme() + "://"
                    + url.getHost() + url.getRawPath());
        }
        return Optional.empty();
    }

    /** The problem with {@code url} if it breaks the transport rule; empty for null (reported elsewhere). */
    static Optional<String> transportProblem(URI url) {
        if (url == null || "https".equalsIgnoreCase(url.getScheme())) {
            return Optional.empty();
        }
        if ("http".equalsIgnoreCase(url.getScheme()) && isLoopback(url.getHost())) {
            return Optional.empty();
        }
        return Optional.of("must be an https URL (the token travels with every request); plain http is"
                + " accepted only for loopback addresses such as http://127.0.0.1:8080; was "
                + (url.getHost() == null ? "a " + url.getScheme() + " URL" : url.getScheme() + "://" + url.getHost()));
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.equals("[::1]")
                || h.equals("::1")
                || IPV4_LOOPBACK.matcher(h).matches();
    }
}
