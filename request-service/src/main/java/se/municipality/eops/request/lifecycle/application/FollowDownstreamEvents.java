package se.municipality.eops.request.lifecycle.application;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.request.lifecycle.domain.DownstreamEvents;
import se.municipality.eops.request.lifecycle.domain.DownstreamMove;
import se.municipality.eops.request.lifecycle.domain.RetentionPurges;
import se.municipality.eops.starter.messaging.IncomingEvent;

/**
 * Moves a request as publication-, purge- and permission-service report on it. An event that names no request,
 * a request this service does not know (filed elsewhere, or long gone) or a request of another kind (a purge
 * of a publication's test cases carries the publication's requestId) moves nothing and is no error: it is
 * logged at debug level, not dead-lettered. The move and the event's key go in one write, so a redelivered
 * event changes nothing. An event of one of a RETENTION request's several purges moves it as {@link RetentionPurges}
 * says (what the purges did so far is in the same write).
 */
@Service
public class FollowDownstreamEvents {

    private static final Logger log = LoggerFactory.getLogger(FollowDownstreamEvents.class);

    private final RequestChanges changes;
    private final Clock clock;

    public FollowDownstreamEvents(RequestChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public void handle(IncomingEvent<? extends DomainEvent> incoming) {
        DomainEvent event = incoming.event();
        DownstreamMove move = DownstreamEvents.moveFor(event).orElse(null);
        if (move == null) {
            log.debug("{} {} names no request; nothing to move", incoming.type(), event.eventId());
            return;
        }
        boolean[] otherKind = {false};
        boolean known = changes.change(move.requestId(), incoming.appliedKey(), request -> {
                    if (!move.appliesTo(request.details())) {
                        otherKind[0] = true;
                        return;
                    }
                    if (move.purgeReport() != null) {
                        RetentionPurges.follow(request, move, clock.instant());
                    } else {
                        request.move(move.transition(), clock.instant());
                    }
                })
                .isPresent();
        if (otherKind[0]) {
            log.debug(
                    "{} {} names request {}, which is no {} request; nothing to move",
                    incoming.type(),
                    event.eventId(),
                    move.requestId(),
                    move.appliesTo());
        } else if (!known) {
            log.debug(
                    "{} {} names request {}, unknown here or applied before; nothing to move",
                    incoming.type(),
                    event.eventId(),
                    move.requestId());
        }
    }
}
