package se.municipality.eops.request.live.web;

import java.time.Instant;
import se.municipality.eops.request.live.domain.StatusUpdate;

/** The data of a {@code status} event: one timeline entry of a request. */
record LiveStatusView(
        String requestId,
        long sequence,
        String fromStatus,
        String status,
        Instant occurredAt,
        String actor,
        String reason) {

    static LiveStatusView of(StatusUpdate update) {
        return new LiveStatusView(
                update.requestId(),
                update.sequence(),
                update.fromStatus(),
                update.status(),
                update.occurredAt(),
                update.actor(),
                update.reason());
    }
}
