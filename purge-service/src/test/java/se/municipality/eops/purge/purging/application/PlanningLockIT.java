package se.municipality.eops.purge.purging.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.municipality.eops.testkit.ServiceIntegrationTest;

@ServiceIntegrationTest
class PlanningLockIT {

    @Autowired
    PlanningLock planningLock;

    @Autowired
    ExtensibleLockProvider locks;

    /**
     * What a process killed while making a purge leaves: the e-service's lock, taken and never let go (nothing keeps
     * it alive any more). The next attempt, as a redelivered event's, gets it once it lapses, within its own wait: a
     * test-case purge is made after the restart instead of its ReviewApproved being dead-lettered.
     */
    @Test
    void aLockLeftByAProcessThatDiedLapsesWithinOneAttempt() {
        String eServiceId = "es-lock-" + UUID.randomUUID();
        assertThat(locks.lock(new LockConfiguration(
                        ClockProvider.now(), "purge-making-" + eServiceId, PlanningLock.AT_MOST, Duration.ZERO)))
                .isPresent();

        long started = System.nanoTime();
        String made = planningLock.forEService(eServiceId, () -> "made");

        assertThat(made).isEqualTo("made");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThanOrEqualTo(PlanningLock.AT_MOST.plusSeconds(5));
    }
}
