package io.dbtcatalog.ingest.config;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;

/**
 * Reports unknown keys under {@code ingestion} before the validators run, so a misspelt key ({@code pth:}) is named
 * as unknown rather than as the key it was meant to be ({@code path: required for kind local}). Spring Boot checks
 * unknown keys only after validation; this handler, wrapped around Boot's by {@link #ADVISOR}, checks them first.
 */
final class UnknownKeysFirst extends AbstractBindHandler {

    /** Wraps every binding's handler; only the {@code ingestion} tree is checked. */
    static final ConfigurationPropertiesBindHandlerAdvisor ADVISOR = UnknownKeysFirst::new;

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("ingestion");

    private final NoUnboundElementsBindHandler unknownKeys =
            new NoUnboundElementsBindHandler(BindHandler.DEFAULT, new UnboundElementsSourceFilter());

    private UnknownKeysFirst(BindHandler parent) {
        super(parent);
    }

    @Override
    public <T> Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target, BindContext context) {
        unknownKeys.onStart(name, target, context);
        return super.onStart(name, target, context);
    }

    @Override
    public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
        unknownKeys.onSuccess(name, target, context, result);
        return super.onSuccess(name, target, context, result);
    }

    @Override
    public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result)
            throws Exception {
        if (context.getDepth() == 0 && ROOT.equals(name)) {
            unknownKeys.onFinish(name, target, context, result);
        }
        super.onFinish(name, target, context, result);
    }
}
