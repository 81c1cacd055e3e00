package se.municipality.eops.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service started whole on a random port against the shared real infrastructure. Use it on
 * every {@code *IT} of a service, with no other context-changing annotation, so all of them share
 * one Spring context. Every event the suite publishes meanwhile is checked against its JSON Schema.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@ExtendWith(EventsMatchTheirSchemas.class)
public @interface ServiceIntegrationTest {}
