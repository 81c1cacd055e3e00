package se.municipality.eops.purge;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import se.municipality.eops.testkit.MovableClock;

/**
 * The service's clock in every integration test (component scanning finds this class on the test classpath, so all
 * of them, the basics included, share one context): it stands still, so a case can be placed one second either
 * side of its due instant, and tests move it to let plans expire and acknowledgements fall due.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
