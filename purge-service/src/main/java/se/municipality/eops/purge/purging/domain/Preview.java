package se.municipality.eops.purge.purging.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a purge will delete, computed when it was made: the due cases in it, the range of their clock starts, and
 * the due cases held back with the reasons.
 */
public record Preview(
        String ruleId, long dueCount, Instant oldestDue, Instant newestDue, List<HeldBack> heldBack, Instant cutoff) {

    public Preview {
        heldBack = List.copyOf(heldBack);
    }

    public long heldBackCount() {
        return heldBack.stream().mapToLong(HeldBack::count).sum();
    }
}
