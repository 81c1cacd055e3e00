package se.municipality.eops.purge.holds.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Keeps a case, or every case of an e-service, from being purged until it is lifted. Each hold is a legal fact of
 * its own: several may be in force on the same case or e-service, each with its reason, who set it and when, and
 * lifting one leaves the others in force. A lifted hold is kept, with who lifted it, when and why.
 *
 * @param id the hold's id ({@code hold-<uuid>}; a hold stored when there was one per target has {@code
 *     <target>:<targetId>})
 * @param targetId the case id or the e-service id
 * @param liftedBy who lifted it; null while it is in force
 * @param liftedAt when it was lifted; null while it is in force
 * @param liftReason why it was lifted, if they said; null otherwise
 */
public record LegalHold(
        String id,
        Target target,
        String targetId,
        String reason,
        String setBy,
        Instant setAt,
        String liftedBy,
        Instant liftedAt,
        String liftReason) {

    public enum Target {
        CASE,
        ESERVICE
    }

    public LegalHold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(setAt, "setAt");
        if ((liftedBy == null) != (liftedAt == null)) {
            throw new IllegalArgumentException("a lifted hold has both liftedBy and liftedAt");
        }
    }

    /** A hold placed now, in force. */
    public static LegalHold placed(String id, Target target, String targetId, String reason, String setBy, Instant at) {
        return new LegalHold(id, target, targetId, reason, setBy, at, null, null, null);
    }

    public boolean inForce() {
        return liftedAt == null;
    }

    /**
     * Why a case is held back, as a plan's preview and the purge log say it: the reasons of every hold in force on
     * it (or on its e-service), oldest first. One hold on a case: {@code legal hold on the case: <reason>}.
     */
    public static String heldBackReason(List<LegalHold> holds) {
        if (holds.isEmpty()) {
            throw new IllegalArgumentException("no hold");
        }
        List<LegalHold> ordered = holds.stream()
                .sorted(Comparator.comparing(LegalHold::setAt).thenComparing(LegalHold::id))
                .toList();
        String on = ordered.get(0).target() == Target.CASE ? " on the case: " : " on the e-service: ";
        return (ordered.size() == 1 ? "legal hold" : "legal holds")
                + on
                + ordered.stream().map(LegalHold::reason).collect(Collectors.joining("; "));
    }
}
