package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.IngestionConfiguration.CatalogDatabaseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Explains why the application could not start, in terms of the configuration file: the key that is missing,
 * unknown or invalid. {@code configuration} is false for other causes (e.g. an unreachable database).
 */
record StartupFailure(String message, boolean configuration) {

    static StartupFailure classify(Throwable failure, Path config) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException e) {
                return new StartupFailure(
                        "invalid configuration in " + config + ":\n  - " + String.join("\n  - ", describe(e)), true);
            }
            if (t instanceof CatalogDatabaseException) {
                // names the URL and the driver's reason, without the beans that were being created
                return new StartupFailure(t.getMessage(), false);
            }
            if (t.getClass().getName().startsWith("org.springframework.boot.context.config.")
                    || t.getClass().getName().startsWith("org.yaml.snakeyaml")) {
                return new StartupFailure("cannot read configuration " + config + ": " + t.getMessage(), true);
            }
        }
        return new StartupFailure(rootMessage(failure), false);
    }

    private static List<String> describe(BindException e) {
        List<String> problems = new ArrayList<>();
        Throwable cause = e.getCause();
        if (cause instanceof BindValidationException validation) {
            for (ObjectError error : validation.getValidationErrors().getAllErrors()) {
                String key = error instanceof FieldError field
                        ? error.getObjectName() + "." + field.getField()
                        : error.getObjectName();
                problems.add(kebab(key) + ": " + error.getDefaultMessage());
            }
        } else if (cause instanceof UnboundConfigurationPropertiesException unbound) {
            for (ConfigurationProperty property : unbound.getUnboundProperties()) {
                problems.add(property.getName() + ": unknown key"
                        + (property.getOrigin() == null ? "" : " (" + property.getOrigin() + ")"));
            }
        } else {
            problems.add(e.getName() + ": " + rootMessage(cause == null ? e : cause));
        }
        return problems;
    }

    private static String kebab(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return failure == root || failure.getMessage() == null ? message : failure.getMessage();
    }
}
