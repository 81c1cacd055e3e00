package se.municipality.eops.request;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import se.municipality.eops.testkit.MovableClock;

/**
 * The clock of every integration test of this service (one context for all of them): it stands
 * still until a test moves it, so expiry and time limits are tested without waiting.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
