package io.dbtcatalog.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.source.http.HttpSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * The configuration's Bean Validation: the whole tree validated at its root, with the validator prepared ahead when
 * one is given and one of its own otherwise, and the constraints of every configuration record read by the
 * preparation.
 */
class ConfigurationValidatorTests {

    @Test
    void aPreparedValidatorIsTheOneThatValidates() {
        // given
        CountingValidator prepared = new CountingValidator();
        ConfigurationValidator validator = new ConfigurationValidator(() -> prepared);

        // when
        Errors errors = validate(validator, invalid());

        // then
        assertThat(prepared.calls).isEqualTo(1);
        assertThat(problems(errors)).containsExactly("target.url: must be a jdbc:h2: or jdbc:postgresql: URL");
    }

    @Test
    void withoutAPreparedValidatorItBuildsItsOwnAndReportsTheSame() {
        assertThat(problems(validate(new ConfigurationValidator(() -> null), invalid())))
                .containsExactly("target.url: must be a jdbc:h2: or jdbc:postgresql: URL");
        assertThat(problems(validate(new ConfigurationValidator(null), invalid())))
                .containsExactly("target.url: must be a jdbc:h2: or jdbc:postgresql: URL");
    }

    @Test
    void itValidatesTheTreeAtItsRootOnly() {
        ConfigurationValidator validator = new ConfigurationValidator(null);

        assertThat(validator.supports(IngestionProperties.class)).isTrue();
        assertThat(validator.supports(TargetProperties.class))
                .as("validated through the root's @Valid")
                .isFalse();
        assertThat(validator.supports(Object.class)).isFalse();
    }

    @Test
    void thePreparationReadsEveryConfigurationRecord() {
        assertThat(ConfigurationValidator.configurationRecords())
                .contains(
                        IngestionProperties.class,
                        TargetProperties.class,
                        SourceProperties.class,
                        HttpSettings.class,
                        SchedulerProperties.class,
                        ManagementProperties.class,
                        WebhookProperties.class)
                .allMatch(Class::isRecord);
    }

    /** A bound tree whose one problem is the catalog URL. */
    private static IngestionProperties invalid() {
        IngestionProperties valid = ConfigBinding.bind(ConfigBinding.source(0, "name=shop", "kind=local", "path=."));
        return new IngestionProperties(
                new TargetProperties("jdbc:mysql://db/catalog", "sa", ""),
                valid.sources(),
                valid.workDir(),
                valid.http(),
                valid.schedule(),
                valid.scheduler(),
                valid.management(),
                valid.webhooks(),
                valid.maxDeleteShare(),
                valid.lockTimeout());
    }

    private static Errors validate(ConfigurationValidator validator, IngestionProperties properties) {
        Errors errors = new BeanPropertyBindingResult(properties, "ingestion");
        validator.validate(properties, errors);
        return errors;
    }

    private static List<String> problems(Errors errors) {
        return errors.getFieldErrors().stream()
                .map(FieldError::getField)
                .map(field -> field + ": " + errors.getFieldError(field).getDefaultMessage())
                .toList();
    }

    /** A prepared validator that counts what it validates. */
    private static final class CountingValidator extends LocalValidatorFactoryBean {
        int calls;

        CountingValidator() {
            afterPropertiesSet();
        }

        @Override
        public void validate(Object target, Errors errors) {
            calls++;
            super.validate(target, errors);
        }
    }
}
