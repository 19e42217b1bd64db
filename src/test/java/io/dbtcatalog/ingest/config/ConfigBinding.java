package io.dbtcatalog.ingest.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Test code: binds {@code ingestion.*} properties exactly as the application does (Bean Validation, the cross-key
 * rules, unknown keys refused) and reports each problem as the command line prints it, {@code key: message}.
 */
final class ConfigBinding {

    private static final String[] TARGET = {"ingestion.target.url=jdbc:h2:mem:config-tests"};

    private ConfigBinding() {}

    /** {@code key=value} pairs of the source at {@code index}, each key below {@code ingestion.sources[index]}. */
    static String[] source(int index, String... keyValues) {
        return Arrays.stream(keyValues)
                .map(pair -> "ingestion.sources[" + index + "]." + pair)
                .toArray(String[]::new);
    }

    static String[] keys(String... keyValues) {
        return Arrays.stream(keyValues).map(pair -> "ingestion." + pair).toArray(String[]::new);
    }

    /** A catalog database plus {@code groups}; fails the test when the configuration does not bind. */
    static IngestionProperties bind(String[]... groups) {
        Outcome outcome = run(groups);
        if (!outcome.problems().isEmpty()) {
            throw new AssertionError("configuration did not bind: " + outcome.problems());
        }
        return outcome.properties();
    }

    /** The problems of a catalog database plus {@code groups}; empty when the configuration binds. */
    static List<String> problems(String[]... groups) {
        return run(groups).problems();
    }

    private static Outcome run(String[]... groups) {
        String[] properties = Stream.concat(Stream.of(TARGET), Stream.of(groups).flatMap(Stream::of))
                .toArray(String[]::new);
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        new ApplicationContextRunner()
                .withUserConfiguration(Enable.class, BindingConfiguration.class)
                .withPropertyValues(properties)
                .run(context -> outcome.set(
                        context.getStartupFailure() == null
                                ? new Outcome(context.getBean(IngestionProperties.class), List.of())
                                : new Outcome(null, describe(context.getStartupFailure()))));
        return outcome.get();
    }

    private static List<String> describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                return describe(bind);
            }
        }
        throw new AssertionError("not a binding failure", failure);
    }

    private static List<String> describe(BindException e) {
        List<String> problems = new ArrayList<>();
        if (e.getCause() instanceof BindValidationException validation) {
            for (ObjectError error : validation.getValidationErrors().getAllErrors()) {
                String key = error instanceof FieldError field
                        ? error.getObjectName() + "." + field.getField()
                        : error.getObjectName();
                problems.add(key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT) + ": "
                        + error.getDefaultMessage());
            }
        } else if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
            for (ConfigurationProperty property : unbound.getUnboundProperties()) {
                problems.add(property.getName() + ": unknown key");
            }
        } else {
            problems.add(e.getName() + ": " + e.getCause().getMessage());
        }
        return problems;
    }

    private record Outcome(IngestionProperties properties, List<String> problems) {}

    @EnableConfigurationProperties(IngestionProperties.class)
    static class Enable {}
}
