package se.municipality.eops.permission.grant.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import se.municipality.eops.contract.permission.PermissionRequestRefused.ReasonCode;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.GrantStatus;
import se.municipality.eops.permission.grant.domain.Grants;

/**
 * The service's meters: {@code eops.permission.grants} (gauge by role and status, counted in the
 * database by {@link #refresh()}, which the scheduled job calls, so a scrape never scans),
 * {@code eops.permission.decisions} (grants decided, by role and status), {@code
 * eops.permission.training.wait} (time from waiting to activation), {@code
 * eops.permission.expiries} (by {@code stage}: warning, expired), {@code eops.permission.revocations}
 * (by cause) and {@code eops.permission.refusals} (by reason).
 */
@Component
public class PermissionMetrics {

    private final MeterRegistry meters;
    private final Grants grants;
    private final Map<PermissionRole, Map<GrantStatus, AtomicLong>> counts = new EnumMap<>(PermissionRole.class);
    private final Timer trainingWait;

    PermissionMetrics(MeterRegistry meters, Grants grants) {
        this.meters = meters;
        this.grants = grants;
        for (PermissionRole role : PermissionRole.values()) {
            Map<GrantStatus, AtomicLong> byStatus = new EnumMap<>(GrantStatus.class);
            for (GrantStatus status : GrantStatus.values()) {
                AtomicLong count = new AtomicLong();
                byStatus.put(status, count);
                Gauge.builder("eops.permission.grants", count, AtomicLong::get)
                        .description("Grants by role and status (counted by the scheduled job)")
                        .tag("role", role.name())
                        .tag("status", status.name())
                        .register(meters);
            }
            counts.put(role, byStatus);
        }
        this.trainingWait = Timer.builder("eops.permission.training.wait")
                .description("How long administrator grants waited for the training")
                .register(meters);
    }

    public void refresh() {
        counts.values().forEach(byStatus -> byStatus.values().forEach(count -> count.set(0)));
        grants.countByRoleAndStatus()
                .forEach(count -> counts.get(count.role()).get(count.status()).set(count.grants()));
    }

    public void decided(Grant grant) {
        counter(
                        "eops.permission.decisions",
                        "role",
                        grant.role().name(),
                        "status",
                        grant.status().name())
                .increment();
    }

    public void activatedAfterTraining(Grant waiting, Instant now) {
        Instant since =
                waiting.history().isEmpty() ? now : waiting.history().get(0).at();
        trainingWait.record(Duration.between(since, now));
    }

    public void expiring() {
        counter("eops.permission.expiries", "stage", "warning").increment();
    }

    public void expired() {
        counter("eops.permission.expiries", "stage", "expired").increment();
    }

    public void revoked(Grant grant) {
        counter("eops.permission.revocations", "role", grant.role().name()).increment();
    }

    public void refused(ReasonCode reason) {
        counter("eops.permission.refusals", "reason", reason.name()).increment();
    }

    private Counter counter(String name, String... tags) {
        return meters.counter(name, tags);
    }
}
