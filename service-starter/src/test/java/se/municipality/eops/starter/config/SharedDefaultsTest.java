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
        StandardEnvironment kubernetes = environmentWithProfiles("kubernetes");
        StandardEnvironment local = environmentWithProfiles();

        new SharedDefaults().postProcessEnvironment(kubernetes, new SpringApplication());
        new SharedDefaults().postProcessEnvironment(local, new SpringApplication());

        assertThat(kubernetes.getProperty("management.endpoint.health.group.readiness.include"))
                .contains("mongo");
        assertThat(local.getProperty("management.endpoint.health.group.readiness.include"))
                .isNull();
    }

    @Test
    void theRealDefaultsLogJsonOnlyInTheKubernetesProfile() {
        StandardEnvironment kubernetes = environmentWithProfiles("kubernetes");
        StandardEnvironment local = environmentWithProfiles();

        new SharedDefaults().postProcessEnvironment(kubernetes, new SpringApplication());
        new SharedDefaults().postProcessEnvironment(local, new SpringApplication());

        assertThat(kubernetes.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(local.getProperty("logging.structured.format.console")).isNull();
    }

    private static StandardEnvironment environmentWithProfiles(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profiles);
        return environment;
    }
}
