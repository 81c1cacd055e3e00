package se.municipality.eops.permission;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PermissionRequest.Change;
import se.municipality.eops.contract.request.PermissionRequest.HandlerGroup;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.PermissionRequest.Person;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.ConsumerGroups;
import se.municipality.eops.testkit.RawKafka;

/** Permission requests as request-service files them, each with fresh ids, and their publication. */
public final class PermissionRequests {

    /** The service's consumer group on the request topic (the starter's default: the application name). */
    public static final String GROUP = "permission-service";

    private PermissionRequests() {}

    /** A user name nobody else in the test run has. */
    public static String uniqueUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An e-service id nobody else in the test run uses. */
    public static String uniqueEService() {
        return "es-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Person person(String userId, String name) {
        return new Person(userId, name, userId.strip().toLowerCase(java.util.Locale.ROOT) + "@kommun.example");
    }

    public static RequestSubmitted grant(PermissionRole role, String eServiceId, Person person) {
        return submitted(new PermissionRequest(Change.GRANT, role, eServiceId, null, person, null, null));
    }

    /** A grant that ends by itself at {@code validUntil}. */
    public static RequestSubmitted grantUntil(
            PermissionRole role, String eServiceId, Person person, java.time.Instant validUntil) {
        return submitted(new PermissionRequest(Change.GRANT, role, eServiceId, null, person, null, null, validUntil));
    }

    public static RequestSubmitted revoke(PermissionRole role, String eServiceId, Person person) {
        return submitted(new PermissionRequest(Change.REVOKE, role, eServiceId, null, person, null, null));
    }

    public static RequestSubmitted grantToGroup(String eServiceId, String groupName, Person... members) {
        return submitted(new PermissionRequest(
                Change.GRANT,
                PermissionRole.CASE_HANDLER,
                eServiceId,
                null,
                null,
                new HandlerGroup(groupName, Arrays.asList(members)),
                null));
    }

    public static RequestSubmitted revokeFromGroup(String eServiceId, String groupName, Person member) {
        return submitted(new PermissionRequest(
                Change.REVOKE,
                PermissionRole.CASE_HANDLER,
                eServiceId,
                null,
                null,
                new HandlerGroup(groupName, List.of(member)),
                null));
    }

    private static RequestSubmitted submitted(PermissionRequest permission) {
        return new RequestSubmitted(
                UUID.randomUUID(),
                "REQ-" + UUID.randomUUID(),
                Instant.now(),
                RequestType.PERMISSION,
                new Requester(
                        "anna",
                        "Anna Andersson",
                        "anna.andersson@kommun.example",
                        RequesterRole.ESERVICE_ADMINISTRATOR),
                null,
                null,
                permission);
    }

    /**
     * The requester withdraws the request, as request-service tells it (event-contract's {@code
     * RequestLifecycleMother.withdrawn()}, for this request; that test-jar is not on this module's classpath).
     */
    public static RequestWithdrawn withdrawn(RequestSubmitted request) {
        return new RequestWithdrawn(
                UUID.randomUUID(),
                request.requestId(),
                Instant.now(),
                request.requester(),
                request.requestType(),
                request.permission() == null ? null : request.permission().eServiceId(),
                request.requester().userId(),
                "Fel person angiven");
    }

    /** Sends the withdrawal as request-service does, on the request's partition; sending it again is a redelivery. */
    public static RecordMetadata publish(RequestWithdrawn event) {
        return RawKafka.sendEvent(
                EventCatalog.REQUEST_WITHDRAWN,
                event.requestId(),
                event.eventId().toString(),
                EventJson.write(event),
                "/eops/request-service");
    }

    /**
     * The request is rejected, as request-service tells it: by the central team member {@code cecilia} for {@link
     * RequestRejected.ReasonCode#REJECTED_BY_TEAM}, otherwise by this service.
     */
    public static RequestRejected rejected(RequestSubmitted request, RequestRejected.ReasonCode reasonCode) {
        boolean byTeam = reasonCode == RequestRejected.ReasonCode.REJECTED_BY_TEAM;
        return new RequestRejected(
                UUID.randomUUID(),
                request.requestId(),
                Instant.now(),
                request.requester(),
                request.requestType(),
                request.permission() == null ? null : request.permission().eServiceId(),
                null,
                byTeam ? "cecilia" : GROUP,
                reasonCode,
                byTeam ? "Ingen utbildning planerad" : "Refused by permission-service",
                null);
    }

    /** Sends the rejection as request-service does, on the request's partition; sending it again is a redelivery. */
    public static RecordMetadata publish(RequestRejected event) {
        return RawKafka.sendEvent(
                EventCatalog.REQUEST_REJECTED,
                event.requestId(),
                event.eventId().toString(),
                EventJson.write(event),
                "/eops/request-service");
    }

    /** Waits until the service has handled (and committed) this very record, a redelivery included. */
    public static void awaitHandled(RecordMetadata record) {
        ConsumerGroups.awaitConsumed(GROUP, record);
    }

    /** Sends the event as request-service does; sending the same event again is a redelivery. */
    public static void publish(RequestSubmitted event) {
        send(event.requestId(), event.eventId().toString(), EventJson.write(event), "/eops/request-service");
    }

    /**
     * Sends any payload under the RequestSubmitted type, for events the contract refuses, from a
     * source outside the suite (the test kit checks only the suite's own events against the schemas).
     */
    public static void publishBroken(String requestId, String eventId, String json) {
        send(requestId, eventId, json, "/test/publisher-breaking-the-contract");
    }

    private static void send(String requestId, String eventId, String json, String source) {
        RawKafka.sendEvent(EventCatalog.REQUEST_SUBMITTED, requestId, eventId, json, source);
    }
}
