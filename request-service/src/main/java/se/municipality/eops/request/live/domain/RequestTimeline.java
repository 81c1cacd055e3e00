package se.municipality.eops.request.live.domain;

import java.util.List;

/** A stored request's timeline as status updates, oldest first, with who filed it (for the visibility check). */
public record RequestTimeline(String requestId, String requesterUserId, List<StatusUpdate> updates) {

    public RequestTimeline {
        updates = List.copyOf(updates);
    }

    public List<StatusUpdate> after(long sequence) {
        return updates.stream().filter(update -> update.sequence() > sequence).toList();
    }
}
