package se.municipality.eops.publication.catalogue.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.publication.EServicePublished;
import se.municipality.eops.contract.publication.ReviewApproved;
import se.municipality.eops.contract.publication.ReviewRejected;
import se.municipality.eops.contract.publication.ReviewRequested;
import se.municipality.eops.publication.catalogue.domain.EService;

/**
 * The flow's meters, counted from the events a write stored (so a retried or duplicate command counts
 * nothing): {@code eops.publication.reviews.opened}, {@code eops.publication.reviews.decided} (tag
 * {@code outcome}: approved, rejected) and {@code eops.publication.request.to.publication} (time from
 * the request's filing to the publication, tag {@code kind}).
 */
@Component
public class PublicationMetrics {

    private final MeterRegistry meters;
    private final Counter opened;
    private final Counter approved;
    private final Counter rejected;

    public PublicationMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.opened = Counter.builder("eops.publication.reviews.opened")
                .description("Reviews of brand-new e-services opened for the reference group")
                .register(meters);
        this.approved = Counter.builder("eops.publication.reviews.decided")
                .description("Reviews decided")
                .tag("outcome", "approved")
                .register(meters);
        this.rejected = Counter.builder("eops.publication.reviews.decided")
                .description("Reviews decided")
                .tag("outcome", "rejected")
                .register(meters);
    }

    /** Counts what the events of a stored write say. */
    void stored(EService written, List<DomainEvent> events) {
        for (DomainEvent event : events) {
            if (event instanceof ReviewRequested) {
                opened.increment();
            } else if (event instanceof ReviewApproved) {
                approved.increment();
            } else if (event instanceof ReviewRejected) {
                rejected.increment();
            } else if (event instanceof EServicePublished published) {
                written.versionForRequest(published.requestId() == null ? "" : published.requestId())
                        .map(version -> version.filedAt())
                        .ifPresent(filedAt -> timeToPublication(published, filedAt));
            }
        }
    }

    private void timeToPublication(EServicePublished published, Instant filedAt) {
        Timer.builder("eops.publication.request.to.publication")
                .description("Time from filing a publication request to the e-service's publication")
                .tag(
                        "kind",
                        published.kind() == null ? "unknown" : published.kind().name())
                .register(meters)
                .record(
                        Duration.between(filedAt, published.occurredAt()).isNegative()
                                ? Duration.ZERO
                                : Duration.between(filedAt, published.occurredAt()));
    }
}
