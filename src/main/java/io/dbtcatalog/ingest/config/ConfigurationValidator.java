package io.dbtcatalog.ingest.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Bean Validation of the bound {@link IngestionProperties}, as Spring Boot validates a {@code @Validated}
 * configuration class: a {@link LocalValidatorFactoryBean} (Hibernate Validator) with Spring Boot's message
 * interpolator, applied to the whole tree at its root, so the violations, their messages and their error codes are
 * the same. What differs is when the validator is built: {@link #prepare()} bootstraps Hibernate Validator and reads
 * the constraints of every configuration record, about a tenth of a second of a command's start, and the CLI's
 * start warm-up runs it on the second core before the context's refresh needs it
 * (docs/decisions/0038-configuration-validator-prepared-on-the-second-core.md).
 *
 * <p>{@link BindingConfiguration} registers it as Spring Boot's {@code configurationPropertiesValidator}, which
 * Spring Boot applies to every configuration class it binds; {@code IngestionProperties} is therefore not
 * {@code @Validated}, which would add Spring Boot's own validator and validate the tree twice. The cross-key rules
 * stay in {@link IngestionProperties#validate}, applied after this.
 */
public final class ConfigurationValidator implements Validator {

    private final Supplier<LocalValidatorFactoryBean> prepared;
    private LocalValidatorFactoryBean validator;

    /**
     * @param prepared the validator {@link #prepare()} built ahead, or null when none was (then the first
     *     validation builds one)
     */
    public ConfigurationValidator(Supplier<LocalValidatorFactoryBean> prepared) {
        this.prepared = prepared;
    }

    /**
     * A validator configured as Spring Boot configures the one of a {@code @Validated} configuration class, with the
     * constraints of {@link IngestionProperties} and of every record it holds already read.
     */
    public static LocalValidatorFactoryBean prepare() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.setMessageInterpolator(new MessageInterpolatorFactory().getObject());
        validator.afterPropertiesSet();
        for (Class<?> type : configurationRecords()) {
            validator.getConstraintsForClass(type);
        }
        return validator;
    }

    @Override
    public boolean supports(Class<?> type) {
        return IngestionProperties.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        validator().validate(target, errors);
    }

    private synchronized LocalValidatorFactoryBean validator() {
        if (validator == null) {
            LocalValidatorFactoryBean ready = prepared == null ? null : prepared.get();
            validator = ready != null ? ready : prepare();
        }
        return validator;
    }

    /** {@link IngestionProperties} and the records its components hold, directly or in a collection, transitively. */
    static Set<Class<?>> configurationRecords() {
        Set<Class<?>> found = new HashSet<>();
        Deque<Class<?>> next = new ArrayDeque<>();
        next.add(IngestionProperties.class);
        while (!next.isEmpty()) {
            Class<?> type = next.poll();
            if (!type.isRecord() || !found.add(type)) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                next.add(component.getType());
                addTypeArguments(component.getGenericType(), next);
            }
        }
        return found;
    }

    private static void addTypeArguments(Type type, Deque<Class<?>> next) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (argument instanceof Class<?> plain) {
                    next.add(plain);
                } else {
                    addTypeArguments(argument, next);
                }
            }
        }
    }
}
