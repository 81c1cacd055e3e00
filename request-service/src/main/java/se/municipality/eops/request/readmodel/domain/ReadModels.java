package se.municipality.eops.request.readmodel.domain;

import java.util.List;
import java.util.Optional;

/** Queries on the read models and on the open requests. */
public interface ReadModels {

    /** An e-service the catalogue holds (registered or published): its name and published versions. */
    record EService(String eServiceId, String name, List<String> versions) {}

    /** An active grant, or one awaiting training, of a role. */
    record GrantHeld(String grantId, String status, String groupId, String groupName) {}

    /** A request not yet in a final status. */
    record OpenRequest(String id, String requesterId, String status) {}

    Optional<EService> eService(String eServiceId);

    /** The person's active case-handler grant on the e-service, held directly. */
    Optional<GrantHeld> directCaseHandler(String eServiceId, String personId);

    /** An active case-handler grant on the e-service of a handler group the person is a member of. */
    Optional<GrantHeld> caseHandlerThroughGroup(String eServiceId, String personId);

    /** The person's active or awaiting-training administrator grant, for the e-service or for all. */
    Optional<GrantHeld> administrator(String eServiceId, String personId);

    /** An open request with the key, other than {@code exceptId}. */
    Optional<OpenRequest> openRequest(String subjectKey, String exceptId);
}
