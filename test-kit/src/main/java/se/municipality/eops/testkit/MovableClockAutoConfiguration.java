package se.municipality.eops.testkit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in its integration tests, when its test configuration sets {@code eops.test.movable-clock:
 * true}: a {@link MovableClock} that stands still until a test moves it, so expiry, service levels and reminders are
 * tested without waiting. Every integration test of the service then shares it (one context); tests only ever move it
 * forward. Registered before the starter's auto-configuration, whose system clock then backs off.
 */
@AutoConfiguration(beforeName = "se.municipality.eops.starter.config.EopsStarterAutoConfiguration")
@ConditionalOnProperty(name = "eops.test.movable-clock", havingValue = "true")
public class MovableClockAutoConfiguration {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
