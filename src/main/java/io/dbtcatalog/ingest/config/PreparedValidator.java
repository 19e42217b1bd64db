package io.dbtcatalog.ingest.config;

import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * A configuration validator built ahead of the context's refresh by {@link ConfigurationValidator#prepare()}, on
 * another thread (the CLI's start warm-up). Registered as a singleton before the refresh, it is what
 * {@link BindingConfiguration}'s {@link ConfigurationValidator} validates with; without one, or when it has none to
 * give, the validator is built on first use.
 */
@FunctionalInterface
public interface PreparedValidator {

    /** The prepared validator, or null when none was built (not started, not finished, or failed). */
    LocalValidatorFactoryBean validator();
}
