package se.municipality.eops.contract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.municipality.eops.contract.notification.NotificationFailed;
import se.municipality.eops.contract.notification.NotificationSent;
import se.municipality.eops.contract.permission.AccessReviewDecided;
import se.municipality.eops.contract.permission.AccessReviewOverdue;
import se.municipality.eops.contract.permission.AccessReviewStarted;
import se.municipality.eops.contract.permission.HandlerGroupChanged;
import se.municipality.eops.contract.permission.PermissionAwaitingTraining;
import se.municipality.eops.contract.permission.PermissionExpired;
import se.municipality.eops.contract.permission.PermissionExpiring;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRequestRefused;
import se.municipality.eops.contract.permission.PermissionRevoked;
import se.municipality.eops.contract.permission.TrainingCompleted;
import se.municipality.eops.contract.platform.CaseClosed;
import se.municipality.eops.contract.platform.CaseDeleted;
import se.municipality.eops.contract.platform.CaseSubmitted;
import se.municipality.eops.contract.platform.PurgeBatchAcknowledged;
import se.municipality.eops.contract.publication.EServiceInfoUpdated;
import se.municipality.eops.contract.publication.EServicePublished;
import se.municipality.eops.contract.publication.EServiceRegistered;
import se.municipality.eops.contract.publication.PublicationBlocked;
import se.municipality.eops.contract.publication.PublicationStalled;
import se.municipality.eops.contract.publication.ReviewApproved;
import se.municipality.eops.contract.publication.ReviewDelegated;
import se.municipality.eops.contract.publication.ReviewRejected;
import se.municipality.eops.contract.publication.ReviewReminder;
import se.municipality.eops.contract.publication.ReviewRequested;
import se.municipality.eops.contract.purge.CasesPurged;
import se.municipality.eops.contract.purge.PurgeAcknowledgementOverdue;
import se.municipality.eops.contract.purge.PurgeCompleted;
import se.municipality.eops.contract.purge.PurgeFailed;
import se.municipality.eops.contract.purge.PurgePlanApproved;
import se.municipality.eops.contract.purge.PurgePlanCreated;
import se.municipality.eops.contract.purge.PurgePlanExpired;
import se.municipality.eops.contract.request.RequestCommented;
import se.municipality.eops.contract.request.RequestCompleted;
import se.municipality.eops.contract.request.RequestOverdue;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestStatusChanged;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestWithdrawn;

/**
 * Every event type the suite publishes, and those the suite owns on its inbound topic. Adding an event means adding
 * it here and its schema.
 */
public final class EventCatalog {

    public static final EventType REQUEST_SUBMITTED =
            new EventType("RequestSubmitted", RequestSubmitted.class, Topics.REQUEST_EVENTS, 1);
    public static final EventType REQUEST_STATUS_CHANGED =
            new EventType("RequestStatusChanged", RequestStatusChanged.class, Topics.REQUEST_EVENTS, 1);
    public static final EventType REQUEST_REJECTED =
            new EventType("RequestRejected", RequestRejected.class, Topics.REQUEST_EVENTS, 1);
    public static final EventType REQUEST_COMPLETED =
            new EventType("RequestCompleted", RequestCompleted.class, Topics.REQUEST_EVENTS, 1);
    public static final EventType REQUEST_WITHDRAWN =
            new EventType("RequestWithdrawn", RequestWithdrawn.class, Topics.REQUEST_EVENTS, 1);
    public static final EventType REQUEST_OVERDUE =
            new EventType("RequestOverdue", RequestOverdue.class, Topics.REQUEST_EVENTS, 1);
    public static final EventType REQUEST_COMMENTED =
            new EventType("RequestCommented", RequestCommented.class, Topics.REQUEST_EVENTS, 1);
    public static final EventType NOTIFICATION_SENT =
            new EventType("NotificationSent", NotificationSent.class, Topics.NOTIFICATION_EVENTS, 1);
    public static final EventType NOTIFICATION_FAILED =
            new EventType("NotificationFailed", NotificationFailed.class, Topics.NOTIFICATION_EVENTS, 1);
    public static final EventType PUBLICATION_BLOCKED =
            new EventType("PublicationBlocked", PublicationBlocked.class, Topics.PUBLICATION_EVENTS, 1);
    public static final EventType REVIEW_REQUESTED =
            new EventType("ReviewRequested", ReviewRequested.class, Topics.PUBLICATION_EVENTS, 1);
    public static final EventType REVIEW_APPROVED =
            new EventType("ReviewApproved", ReviewApproved.class, Topics.PUBLICATION_EVENTS, 1);
    public static final EventType REVIEW_REJECTED =
            new EventType("ReviewRejected", ReviewRejected.class, Topics.PUBLICATION_EVENTS, 1);
    public static final EventType REVIEW_REMINDER =
            new EventType("ReviewReminder", ReviewReminder.class, Topics.PUBLICATION_EVENTS, 1);
    public static final EventType REVIEW_DELEGATED =
            new EventType("ReviewDelegated", ReviewDelegated.class, Topics.PUBLICATION_EVENTS, 1);
    public static final EventType ESERVICE_PUBLISHED =
            new EventType("EServicePublished", EServicePublished.class, Topics.PUBLICATION_EVENTS, 1);
    public static final EventType PUBLICATION_STALLED =
            new EventType("PublicationStalled", PublicationStalled.class, Topics.PUBLICATION_EVENTS, 1);
    public static final EventType ESERVICE_INFO_UPDATED =
            new EventType("EServiceInfoUpdated", EServiceInfoUpdated.class, Topics.PUBLICATION_EVENTS, 1);
    public static final EventType ESERVICE_REGISTERED =
            new EventType("EServiceRegistered", EServiceRegistered.class, Topics.PUBLICATION_EVENTS, 1);

    public static final EventType PERMISSION_GRANTED =
            new EventType("PermissionGranted", PermissionGranted.class, Topics.PERMISSION_EVENTS, 1);
    public static final EventType PERMISSION_REVOKED =
            new EventType("PermissionRevoked", PermissionRevoked.class, Topics.PERMISSION_EVENTS, 1);
    public static final EventType PERMISSION_EXPIRED =
            new EventType("PermissionExpired", PermissionExpired.class, Topics.PERMISSION_EVENTS, 1);
    public static final EventType PERMISSION_AWAITING_TRAINING =
            new EventType("PermissionAwaitingTraining", PermissionAwaitingTraining.class, Topics.PERMISSION_EVENTS, 1);
    public static final EventType TRAINING_COMPLETED =
            new EventType("TrainingCompleted", TrainingCompleted.class, Topics.PERMISSION_EVENTS, 1);
    public static final EventType PERMISSION_EXPIRING =
            new EventType("PermissionExpiring", PermissionExpiring.class, Topics.PERMISSION_EVENTS, 1);
    public static final EventType PERMISSION_REQUEST_REFUSED =
            new EventType("PermissionRequestRefused", PermissionRequestRefused.class, Topics.PERMISSION_EVENTS, 1);
    public static final EventType HANDLER_GROUP_CHANGED =
            new EventType("HandlerGroupChanged", HandlerGroupChanged.class, Topics.PERMISSION_EVENTS, 1);
    public static final EventType ACCESS_REVIEW_STARTED =
            new EventType("AccessReviewStarted", AccessReviewStarted.class, Topics.PERMISSION_EVENTS, 1);
    public static final EventType ACCESS_REVIEW_DECIDED =
            new EventType("AccessReviewDecided", AccessReviewDecided.class, Topics.PERMISSION_EVENTS, 1);
    public static final EventType ACCESS_REVIEW_OVERDUE =
            new EventType("AccessReviewOverdue", AccessReviewOverdue.class, Topics.PERMISSION_EVENTS, 1);

    public static final EventType CASES_PURGED =
            new EventType("CasesPurged", CasesPurged.class, Topics.PURGE_EVENTS, 1);
    public static final EventType PURGE_PLAN_CREATED =
            new EventType("PurgePlanCreated", PurgePlanCreated.class, Topics.PURGE_EVENTS, 1);
    public static final EventType PURGE_PLAN_APPROVED =
            new EventType("PurgePlanApproved", PurgePlanApproved.class, Topics.PURGE_EVENTS, 1);
    public static final EventType PURGE_PLAN_EXPIRED =
            new EventType("PurgePlanExpired", PurgePlanExpired.class, Topics.PURGE_EVENTS, 1);
    public static final EventType PURGE_COMPLETED =
            new EventType("PurgeCompleted", PurgeCompleted.class, Topics.PURGE_EVENTS, 1);
    public static final EventType PURGE_FAILED =
            new EventType("PurgeFailed", PurgeFailed.class, Topics.PURGE_EVENTS, 1);
    public static final EventType PURGE_ACKNOWLEDGEMENT_OVERDUE =
            new EventType("PurgeAcknowledgementOverdue", PurgeAcknowledgementOverdue.class, Topics.PURGE_EVENTS, 1);

    // Inbound: the e-service platform (and other subscribers, for acknowledgements) publish these on the suite's
    // inbound topic; purge-service consumes them.
    public static final EventType CASE_SUBMITTED =
            new EventType("CaseSubmitted", CaseSubmitted.class, Topics.PLATFORM_CASE_EVENTS, 1);
    public static final EventType CASE_CLOSED =
            new EventType("CaseClosed", CaseClosed.class, Topics.PLATFORM_CASE_EVENTS, 1);
    public static final EventType CASE_DELETED =
            new EventType("CaseDeleted", CaseDeleted.class, Topics.PLATFORM_CASE_EVENTS, 1);
    public static final EventType PURGE_BATCH_ACKNOWLEDGED =
            new EventType("PurgeBatchAcknowledged", PurgeBatchAcknowledged.class, Topics.PLATFORM_CASE_EVENTS, 1);

    // One list per publishing service, so adding a service's events touches only its own line.
    private static final List<EventType> REQUEST_SERVICE_EVENTS = List.of(
            REQUEST_SUBMITTED,
            REQUEST_STATUS_CHANGED,
            REQUEST_REJECTED,
            REQUEST_COMPLETED,
            REQUEST_WITHDRAWN,
            REQUEST_OVERDUE,
            REQUEST_COMMENTED);
    private static final List<EventType> PUBLICATION_SERVICE_EVENTS = List.of(
            PUBLICATION_BLOCKED,
            REVIEW_REQUESTED,
            REVIEW_APPROVED,
            REVIEW_REJECTED,
            REVIEW_REMINDER,
            REVIEW_DELEGATED,
            ESERVICE_PUBLISHED,
            PUBLICATION_STALLED,
            ESERVICE_INFO_UPDATED,
            ESERVICE_REGISTERED);
    private static final List<EventType> PURGE_SERVICE_EVENTS = List.of(
            CASES_PURGED,
            PURGE_PLAN_CREATED,
            PURGE_PLAN_APPROVED,
            PURGE_PLAN_EXPIRED,
            PURGE_COMPLETED,
            PURGE_FAILED,
            PURGE_ACKNOWLEDGEMENT_OVERDUE);
    private static final List<EventType> PERMISSION_SERVICE_EVENTS = List.of(
            PERMISSION_GRANTED,
            PERMISSION_REVOKED,
            PERMISSION_EXPIRED,
            PERMISSION_AWAITING_TRAINING,
            TRAINING_COMPLETED,
            PERMISSION_EXPIRING,
            PERMISSION_REQUEST_REFUSED,
            HANDLER_GROUP_CHANGED,
            ACCESS_REVIEW_STARTED,
            ACCESS_REVIEW_DECIDED,
            ACCESS_REVIEW_OVERDUE);
    private static final List<EventType> NOTIFICATION_SERVICE_EVENTS = List.of(NOTIFICATION_SENT, NOTIFICATION_FAILED);
    private static final List<EventType> PLATFORM_INBOUND_EVENTS =
            List.of(CASE_SUBMITTED, CASE_CLOSED, CASE_DELETED, PURGE_BATCH_ACKNOWLEDGED);

    private static final List<EventType> ALL = Stream.of(
                    REQUEST_SERVICE_EVENTS,
                    PUBLICATION_SERVICE_EVENTS,
                    PURGE_SERVICE_EVENTS,
                    PERMISSION_SERVICE_EVENTS,
                    NOTIFICATION_SERVICE_EVENTS,
                    PLATFORM_INBOUND_EVENTS)
            .flatMap(List::stream)
            .toList();

    private static final Map<String, EventType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private static final Map<Class<?>, EventType> BY_RECORD =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::recordType, Function.identity()));

    private EventCatalog() {}

    public static List<EventType> all() {
        return ALL;
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(name).map(BY_NAME::get);
    }

    public static EventType of(Class<? extends DomainEvent> recordType) {
        EventType type = BY_RECORD.get(recordType);
        if (type == null) {
            throw new IllegalArgumentException(recordType.getName() + " is not in the event catalogue");
        }
        return type;
    }
}
