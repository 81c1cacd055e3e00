package se.municipality.eops.testkit;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's Spring context at the shared infrastructure. Properties that do not vary
 * between test classes keep Spring's context cache effective: one context per service per JVM.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        SharedInfrastructure infra = SharedInfrastructure.get();
        PublishedEvents.get(); // capture from the start, so every event the service publishes is checked
        String database = context.getEnvironment().getProperty("eops.database-name", "eops-test");
        Map<String, Object> properties = Map.of(
                "spring.cloud.stream.kafka.binder.brokers",
                infra.kafkaBootstrap(),
                "spring.mongodb.uri",
                infra.mongoUri(database),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                infra.tokens().issuerUri(),
                "spring.mail.host",
                "localhost",
                "spring.mail.port",
                infra.mail().getSmtp().getPort(),
                // GreenMail speaks plain SMTP; notification-service requires STARTTLS elsewhere.
                "eops.mail.starttls",
                "false",
                "eops.outbox.sweep-interval",
                "500ms",
                "eops.outbox.sweep-grace",
                "2s",
                "spring.lifecycle.timeout-per-shutdown-phase",
                "2s");
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("eops-test-infrastructure", properties));
    }
}
