package io.dbtcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in {@code README.md}, {@code docs/} and {@code sql/README.md} points to a file of the project,
 * and every {@code #anchor} to a heading of that file (GitHub's heading ids), so moving a page or renaming a section
 * cannot leave a dead link behind.
 */
class DocumentationLinksTests {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*$");

    @Test
    void relativeLinksPointToExistingFilesAndHeadings() throws IOException {
        // given
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("sql", "README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(pages::add);
        }

        // when
        List<String> dead = new ArrayList<>();
        for (Path page : pages) {
            Matcher link = LINK.matcher(prose(Files.readString(page)));
            while (link.find()) {
                String target = link.group(1);
                if (!target.matches("^[a-z]+:.*")) {
                    check(page, target).ifPresent(dead::add);
                }
            }
        }

        // then
        assertThat(dead).isEmpty();
    }

    private static Optional<String> check(Path page, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
        if (!Files.exists(resolved)) {
            return Optional.of(page + ": " + target + " (no such file)");
        }
        if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
            return Optional.of(page + ": " + target + " (no such heading)");
        }
        return Optional.empty();
    }

    /** GitHub's ids of a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        for (String line : prose(Files.readString(page)).lines().toList()) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                anchors.add(heading.group(1)
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'));
            }
        }
        return anchors;
    }

    /** The text outside fenced code blocks, where links and headings live. */
    private static String prose(String markdown) {
        StringBuilder prose = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.lines().toList()) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                prose.append(line).append('\n');
            }
        }
        return prose.toString();
    }
}
