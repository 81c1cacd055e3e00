package se.municipality.eops.contract.request;

/**
 * Purge cases of an e-service: the test cases submitted before publication, or the cases due
 * under the committee's document management plan.
 *
 * @param committee the committee whose document management plan applies (retention purges)
 * @param purgeDecisionReference the committee's purge decision the purge rests on (retention purges)
 */
public record PurgeRequest(
        PurgeKind kind,
        String eServiceId,
        String eServiceName,
        String committee,
        String purgeDecisionReference,
        String message) {

    public enum PurgeKind {
        TEST_CASES,
        RETENTION
    }
}
