package se.municipality.eops.starter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SharedDefaultsTest {

    private static final String RESOURCE = "shared-defaults-precedence.yml";

    @Test
    void anActiveProfileDocumentOverridesTheDefaults() {
        StandardEnvironment environment = environmentWithProfiles("kubernetes");

        new SharedDefaults(RESOURCE).postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("eops.sample.overridden")).isEqualTo("kubernetes");
        assertThat(environment.getProperty("eops.sample.everywhere")).isEqualTo("default");
    }

    @Test
    void documentsOfInactiveProfilesAreLeftOut() {
        StandardEnvironment environment = environmentWithProfiles();

        new SharedDefaults(RESOURCE).postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("eops.sample.overridden")).isEqualTo("default");
    }

    @Test
    void theServicesOwnSettingsOverrideEveryDocument() {
        StandardEnvironment environment = environmentWithProfiles("kubernetes");
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("application.yml", Map.of("eops.sample.overridden", "service")));

        new SharedDefaults(RESOURCE).postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("eops.sample.overridden")).isEqualTo("service");
    }

    @Test
    void theRealDefaultsPutMongoIntoReadinessOnlyInTheKubernetesProfile() {
        StandardEnvironment kubernetes = realDefaults("kubernetes");
        StandardEnvironment local = realDefaults();

        assertThat(kubernetes.getProperty("management.endpoint.health.group.readiness.include"))
                .contains("mongo");
        assertThat(local.getProperty("management.endpoint.health.group.readiness.include"))
                .isNull();
    }

    @Test
    void theRealDefaultsLogJsonOnlyInTheKubernetesProfile() {
        assertThat(realDefaults("kubernetes").getProperty("logging.structured.format.console"))
                .isEqualTo("ecs");
        assertThat(realDefaults().getProperty("logging.structured.format.console"))
                .isNull();
    }

    /** An environment with these profiles and the starter's real eops-defaults.yml. */
    private static StandardEnvironment realDefaults(String... profiles) {
        StandardEnvironment environment = environmentWithProfiles(profiles);
        new SharedDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static StandardEnvironment environmentWithProfiles(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profiles);
        return environment;
    }
}
