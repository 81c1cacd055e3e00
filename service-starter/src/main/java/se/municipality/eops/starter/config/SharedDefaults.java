package se.municipality.eops.starter.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code eops-defaults.yml} as the lowest-precedence property source: the settings every
 * service shares (binder reliability, dead letters, actuator, problem details, where the local
 * stack listens) live there once, and any service or environment may override them.
 *
 * <p>Within the file, a profile document overrides the documents before it, as in any Spring
 * Boot configuration file: the {@code kubernetes} document beats the defaults, a service's own
 * {@code application.yml} beats both.
 */
public class SharedDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "eops-defaults.yml";

    private final String resource;

    public SharedDefaults() {
        this(RESOURCE);
    }

    SharedDefaults(String resource) {
        this.resource = resource;
    }

    /** Runs after Boot's own config data processing, so the active profiles are known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static boolean activeIn(ConfigurableEnvironment environment, PropertySource<?> document) {
        Object profile = document.getProperty("spring.config.activate.on-profile");
        return profile == null || environment.acceptsProfiles(Profiles.of(profile.toString()));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<PropertySource<?>> active = new ArrayList<>();
        try {
            for (PropertySource<?> document :
                    new YamlPropertySourceLoader().load("eops-defaults", new ClassPathResource(resource))) {
                if (activeIn(environment, document)) {
                    active.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        // addLast puts each source below the ones already there, so the last document of the file
        // (the most specific) must be added first.
        Collections.reverse(active);
        active.forEach(document -> environment.getPropertySources().addLast(document));
    }
}
