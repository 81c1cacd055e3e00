package se.municipality.eops.purge.holds.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Keeps a case, or every case of an e-service, from being purged until it is lifted.
 *
 * @param targetId the case id or the e-service id
 */
public record LegalHold(Target target, String targetId, String reason, String setBy, Instant setAt) {

    public enum Target {
        CASE,
        ESERVICE
    }

    public LegalHold {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(setAt, "setAt");
    }

    /** Why a case is held back, as a plan's preview and the purge log say it. */
    public String heldBackReason() {
        return (target == Target.CASE ? "legal hold on the case: " : "legal hold on the e-service: ") + reason;
    }
}
