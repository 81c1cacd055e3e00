package se.municipality.eops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class MovableClockAutoConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MovableClockAutoConfiguration.class))
            .withUserConfiguration(SystemClock.class);

    @Test
    void aServiceThatAsksForItGetsOneMovableClockInPlaceOfItsOwn() {
        contexts.withPropertyValues("eops.test.movable-clock=true").run(context -> {
            assertThat(context.getBean(Clock.class)).isInstanceOf(MovableClock.class);
            assertThat(context.getBean(Clock.class)).isSameAs(context.getBean(MovableClock.class));
        });
    }

    @Test
    void aServiceThatDoesNotAskKeepsItsOwnClock() {
        contexts.run(context -> {
            assertThat(context).doesNotHaveBean(MovableClock.class);
            assertThat(context.getBean(Clock.class)).isNotInstanceOf(MovableClock.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class SystemClock {
        @Bean
        Clock systemClock() {
            return Clock.systemUTC();
        }
    }
}
