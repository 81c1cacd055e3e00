package se.municipality.eops.request.live.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the timelines the service stored with its requests: what a resuming stream missed. */
public interface StoredTimelines {

    Optional<RequestTimeline> ofRequest(String requestId);

    /** The requester's requests with a timeline entry after {@code since}. */
    List<RequestTimeline> ofRequesterChangedAfter(String requesterUserId, Instant since);
}
