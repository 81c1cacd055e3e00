package se.municipality.eops.contract.platform;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A citizen or employee submitted a case to an e-service (published by the e-service platform). Carries only what
 * retention needs: no name, no personal number, no case content.
 *
 * @param submittedAt when the case was submitted; starts the retention clock of rules counting from submission
 * @param test whether the case was submitted as a test (purged before a new e-service is published)
 * @param caseType the platform's category of the case, if the e-service has several (retention rules may cover one)
 */
public record CaseSubmitted(
        UUID eventId,
        String caseId,
        Instant occurredAt,
        String eServiceId,
        Instant submittedAt,
        boolean test,
        String caseType)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return caseId;
    }
}
