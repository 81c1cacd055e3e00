package se.municipality.eops.request.lifecycle.application;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.Transition;
import se.municipality.eops.request.lifecycle.domain.DownstreamEvents;
import se.municipality.eops.starter.messaging.IncomingEvent;

/**
 * Ends a permission request whose grant was still waiting for training when it was revoked (by another request, an
 * access review) or expired: the permission asked for will never become active, and nothing else would end the
 * request (neither event names it). It FAILS, naming what happened (see {@link DownstreamEvents#awaitedGrantEnded}).
 * Only an open request moves (one that ended meanwhile, withdrawn or rejected, is left as it is, without a late
 * entry), once per event: the event's key goes in the same write.
 */
@Service
public class GrantEndings {

    private static final Logger log = LoggerFactory.getLogger(GrantEndings.class);

    private final RequestChanges changes;
    private final Clock clock;

    public GrantEndings(RequestChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * @param transition the request's move to FAILED the ending event makes ({@link
     *     DownstreamEvents#awaitedGrantEnded})
     */
    public void end(String requestId, IncomingEvent<?> incoming, Transition transition) {
        boolean[] ended = {false};
        changes.change(requestId, incoming.appliedKey(), request -> {
            ended[0] = false; // an attempt overtaken by another write is read and done again
            if (request.status().open()) {
                ended[0] = request.move(transition, clock.instant()) == ServiceRequest.Moved.YES;
            }
        });
        if (ended[0]) {
            log.info("Request {} failed: its grant waiting for training ended ({})", requestId, incoming.type());
        }
    }
}
