package se.municipality.eops.request.live.domain;

import java.util.Objects;
import se.municipality.eops.contract.permission.PersonIds;

/**
 * Who opens a stream: the token's subject, and whether they are of the central team (who may watch any request).
 * User ids are compared after {@link PersonIds#normalize}, so {@code Anna} and {@code anna} are one person.
 */
public record Viewer(String userId, boolean centralTeam) {

    public Viewer {
        Objects.requireNonNull(userId, "userId");
    }

    public String personKey() {
        return PersonIds.normalize(userId);
    }

    public boolean mayWatch(RequestTimeline request) {
        return centralTeam || isRequester(request.requesterUserId());
    }

    /** For "my requests": only the viewer's own, whatever their role. */
    public boolean mayWatchOwn(RequestTimeline request) {
        return isRequester(request.requesterUserId());
    }

    public boolean isRequester(String requesterUserId) {
        return requesterUserId != null
                && !requesterUserId.isBlank()
                && personKey().equals(PersonIds.normalize(requesterUserId));
    }
}
