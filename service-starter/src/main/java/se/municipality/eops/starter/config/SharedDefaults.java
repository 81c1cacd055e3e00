package se.municipality.eops.starter.config;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 */
public class SharedDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "eops-defaults.yml";

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
        try {
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load("eops-defaults", new ClassPathResource(RESOURCE))) {
                if (activeIn(environment, source)) {
                    environment.getPropertySources().addLast(source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
