package se.municipality.eops.request.readmodel.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Queries on the read models and on the open requests. */
public interface ReadModels {

    /** An e-service the catalogue holds (registered or published): its name and published versions. */
    record EService(String eServiceId, String name, List<String> versions) {}

    /**
     * An active grant, or one awaiting training, of a role.
     *
     * @param validUntil when it ends by itself; null: never (or not known, see {@code endKnown})
     * @param endKnown false for a grant the read model stored before it kept {@code validUntil}
     */
    record GrantHeld(
            String grantId, String status, String groupId, String groupName, Instant validUntil, boolean endKnown) {

        /**
         * permission-service's rule for refusing a grant as held already: the held grant lasts at least until the
         * asked end ({@code asked} null: for good), so a grant that ends later extends it and is carried out. A
         * grant whose end the read model does not know does not count: permission-service, which knows it, decides
         * (and refuses with ALREADY_GRANTED if it lasts long enough), rather than the door refusing an extension.
         */
        public boolean lastsUntil(Instant asked) {
            return endKnown && (validUntil == null || (asked != null && !validUntil.isBefore(asked)));
        }
    }

    /** A request not yet in a final status. */
    record OpenRequest(String id, String requesterId, String status) {}

    Optional<EService> eService(String eServiceId);

    /** The person's active case-handler grant on the e-service, held directly, lasting until {@code validUntil}. */
    Optional<GrantHeld> directCaseHandler(String eServiceId, String personId, Instant validUntil);

    /** An active case-handler grant on the e-service of a handler group the person is a member of. */
    Optional<GrantHeld> caseHandlerThroughGroup(String eServiceId, String personId);

    /**
     * The person's active or awaiting-training administrator grant, for the e-service or for all, lasting until
     * {@code validUntil}.
     */
    Optional<GrantHeld> administrator(String eServiceId, String personId, Instant validUntil);

    /**
     * The request a grant awaiting training answers, when the read model has that grant awaiting training (and
     * knows its request); read before the grant's end is applied to it.
     */
    Optional<String> requestAwaitingTrainingOn(String grantId);

    /** An open request with the key, other than {@code exceptId}. */
    Optional<OpenRequest> openRequest(String subjectKey, String exceptId);
}
