package se.municipality.eops.contract.samples;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.platform.CaseClosed;
import se.municipality.eops.contract.platform.CaseDeleted;
import se.municipality.eops.contract.platform.CaseSubmitted;
import se.municipality.eops.contract.platform.PurgeBatchAcknowledged;

/** Typical events of the inbound topic {@code eops.platform.case-events}, each with fresh ids. */
public final class CaseEventsMother {

    public static final Instant SUBMITTED_AT = Instant.parse("2021-03-01T08:00:00Z");
    public static final Instant CLOSED_AT = Instant.parse("2021-03-02T14:00:00Z");

    private CaseEventsMother() {}

    public static String newCaseId() {
        return "c-" + UUID.randomUUID();
    }

    public static CaseSubmitted submitted(String caseId, String eServiceId, Instant submittedAt, boolean test) {
        return new CaseSubmitted(UUID.randomUUID(), caseId, submittedAt, eServiceId, submittedAt, test, null);
    }

    public static CaseSubmitted realCase() {
        return submitted(newCaseId(), RequestSubmittedMother.E_SERVICE_ID, SUBMITTED_AT, false);
    }

    public static CaseSubmitted testCaseOfAType() {
        return new CaseSubmitted(
                UUID.randomUUID(),
                newCaseId(),
                SUBMITTED_AT,
                RequestSubmittedMother.E_SERVICE_ID,
                SUBMITTED_AT,
                true,
                "ansokan");
    }

    public static CaseClosed closed(String caseId, String eServiceId, Instant closedAt) {
        return new CaseClosed(UUID.randomUUID(), caseId, closedAt, eServiceId, closedAt);
    }

    public static CaseDeleted deletedByPlatform() {
        return new CaseDeleted(
                UUID.randomUUID(), newCaseId(), CLOSED_AT, RequestSubmittedMother.E_SERVICE_ID, CLOSED_AT);
    }

    public static PurgeBatchAcknowledged acknowledged(String purgeId, String subscriberId, int batchNumber) {
        return new PurgeBatchAcknowledged(UUID.randomUUID(), purgeId, Instant.now(), subscriberId, batchNumber);
    }

    public static List<DomainEvent> all() {
        return List.of(
                realCase(),
                testCaseOfAType(),
                closed(newCaseId(), RequestSubmittedMother.E_SERVICE_ID, CLOSED_AT),
                deletedByPlatform(),
                acknowledged("plan-" + UUID.randomUUID(), "case-handling", 1));
    }
}
