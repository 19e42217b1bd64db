package io.dbtcatalog.ingest.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the jar's first class does when a command runs in its own JVM: Spring Boot's launcher gets the arguments
 * unchanged, and what it throws reaches the JVM as it was thrown.
 */
class FastStartTests {

    @Test
    void aCommandThatRunsHereIsHandedToTheLauncherWithItsArguments() throws Exception {
        // when
        FastStart.handOver(RecordingLauncher.class.getName(), new String[] {"schedule", "--config", "x.yaml"});

        // then
        assertThat(RecordingLauncher.calls).containsExactly(List.of("schedule", "--config", "x.yaml"));
    }

    @Test
    void whatTheLauncherThrowsIsThrownUnwrapped() {
        assertThatThrownBy(() -> FastStart.handOver(FailingLauncher.class.getName(), new String[] {"run"}))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot open the jar");
    }

    @Test
    void aMissingLauncherNamesTheClass() {
        assertThatThrownBy(() -> FastStart.handOver("no.such.Launcher", new String[0]))
                .isInstanceOf(ClassNotFoundException.class)
                .hasMessageContaining("no.such.Launcher");
    }

    /** Stands in for Spring Boot's JarLauncher. */
    public static final class RecordingLauncher {
        static final List<List<String>> calls = new ArrayList<>();

        public static void main(String[] args) {
            calls.add(List.of(args));
        }
    }

    /** A launcher that fails as Spring Boot's does on a broken jar. */
    public static final class FailingLauncher {
        public static void main(String[] args) throws IOException {
            throw new IOException("cannot open the jar");
        }
    }
}
