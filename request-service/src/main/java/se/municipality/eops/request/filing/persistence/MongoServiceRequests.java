package se.municipality.eops.request.filing.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import se.municipality.eops.request.filing.domain.Lifecycle;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.RequestPage;
import se.municipality.eops.request.filing.domain.RequestSearch;
import se.municipality.eops.request.filing.domain.RequestStatus;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.ServiceRequests;
import se.municipality.eops.request.readmodel.domain.SubjectKey;
import se.municipality.eops.starter.messaging.EventEffects;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PendingEvent;

/**
 * Stores a request and the events it raised in one document write, so both are kept or neither is;
 * the starter's relay publishes the events right after the write. Writes go through the starter's
 * {@link OutboxWrites}: a later change of a request uses its update path, which appends events
 * with {@code $push} and never rewrites {@code pendingEvents} (reading a request leaves them out).
 * A change is guarded by the version read (optimistic locking) and, when an event caused it, by the
 * event's key in {@code appliedEvents} (the starter's {@link EventEffects} rule), in the same write.
 */
@Repository
class MongoServiceRequests implements ServiceRequests {

    private final MongoTemplate mongo;
    private final OutboxWrites outbox;

    MongoServiceRequests(MongoTemplate mongo, OutboxWrites outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /**
     * One insert: the request, its events and its open-subject key. The store refuses it when the id is taken or
     * another open request holds the key (unique index); only then is the request's id looked up, to say which.
     */
    @Override
    public AddOutcome add(ServiceRequest request) {
        try {
            outbox.insert(toDocument(
                    request, request.newEvents().stream().map(PendingEvent::of).toList()));
            return AddOutcome.ADDED;
        } catch (DuplicateKeyException refused) {
            return mongo.exists(Query.query(Criteria.where("_id").is(request.id())), ServiceRequestDocument.class)
                    ? AddOutcome.ID_TAKEN
                    : AddOutcome.SUBJECT_OPEN;
        }
    }

    @Override
    public boolean releaseSubjectOfEnded(ServiceRequest request) {
        String subjectKey =
                SubjectKey.of(request.details()).map(SubjectKey::key).orElse(null);
        if (subjectKey == null) {
            return false;
        }
        List<RequestStatus> ended = Arrays.stream(RequestStatus.values())
                .filter(RequestStatus::terminal)
                .toList();
        return mongo.updateFirst(
                                Query.query(Criteria.where(ServiceRequestDocument.OPEN_SUBJECT_KEY)
                                        .is(subjectKey)
                                        .and("status")
                                        .in(ended)),
                                new Update().unset(ServiceRequestDocument.OPEN_SUBJECT_KEY),
                                ServiceRequestDocument.class)
                        .getModifiedCount()
                > 0;
    }

    private static ServiceRequestDocument toDocument(ServiceRequest request, List<PendingEvent> pending) {
        Lifecycle lifecycle = request.lifecycle();
        String subjectKey =
                SubjectKey.of(request.details()).map(SubjectKey::key).orElse(null);
        return new ServiceRequestDocument(
                request.id(),
                request.details().type(),
                request.requester(),
                request.details().publication(),
                request.details().purge(),
                request.details().permission(),
                request.submittedAt(),
                request.status(),
                request.timeline().stream().map(StoredTimelineEntry::of).toList(),
                lifecycle.rank(),
                lifecycle.statusSince(),
                lifecycle.assignee(),
                lifecycle.overdue(),
                lifecycle.rejection(),
                lifecycle.outcome(),
                lifecycle.purgePlans().isEmpty() ? null : lifecycle.purgePlans(),
                request.version(),
                pending,
                subjectKey,
                request.status().terminal() ? null : subjectKey);
    }

    @Override
    public Optional<ServiceRequest> findById(String id) {
        // Without the outbox's and the event effects' bookkeeping, which grows with every event and which no
        // change of a request reads (the status machine reads the request for every downstream event).
        return find(Query.query(Criteria.where("_id").is(id))).stream().findFirst();
    }

    @Override
    public List<ServiceRequest> findByRequester(String userId, int limit) {
        Query query = Query.query(Criteria.where("requester.userId").is(userId))
                .with(Sort.by(Sort.Direction.DESC, "submittedAt"))
                .limit(limit);
        return find(query);
    }

    @Override
    public UpdateOutcome update(ServiceRequest request, String appliedKey) {
        Lifecycle lifecycle = request.lifecycle();
        long version = request.version() == null ? 0 : request.version();
        Update update = new Update()
                .set("status", request.status())
                .set("rank", lifecycle.rank())
                .set("statusSince", lifecycle.statusSince())
                .set("overdue", lifecycle.overdue())
                .set("version", version + 1);
        setIfPresent(update, "assignee", lifecycle.assignee());
        setIfPresent(update, "rejection", lifecycle.rejection());
        setIfPresent(update, "outcome", lifecycle.outcome());
        setIfPresent(update, "purgePlans", lifecycle.purgePlans().isEmpty() ? null : lifecycle.purgePlans());
        if (request.status().terminal()) {
            // Ended: another request for the same thing may be filed now.
            update.unset(ServiceRequestDocument.OPEN_SUBJECT_KEY);
        }
        List<StoredTimelineEntry> added = request.newTimelineEntries().stream()
                .map(StoredTimelineEntry::of)
                .toList();
        if (!added.isEmpty()) {
            update.push("timeline").each(added.toArray());
        }
        // A request stored before versions were kept has none: it counts as version 0.
        Criteria condition = request.version() == null || request.version() == 0
                ? new Criteria()
                        .orOperator(
                                Criteria.where("version").is(0L),
                                Criteria.where("version").exists(false))
                : Criteria.where("version").is(version);
        if (appliedKey != null) {
            condition = new Criteria().andOperator(condition, EventEffects.notYetApplied(appliedKey));
            EventEffects.recordApplied(update, appliedKey);
        }
        if (outbox.update(ServiceRequestDocument.class, request.id(), condition, update, request.newEvents())) {
            return UpdateOutcome.UPDATED;
        }
        boolean appliedBefore = appliedKey != null
                && mongo.exists(
                        Query.query(Criteria.where("_id").is(request.id()))
                                .addCriteria(Criteria.where(EventEffects.APPLIED_EVENTS)
                                        .is(appliedKey)),
                        ServiceRequestDocument.class);
        return appliedBefore ? UpdateOutcome.ALREADY_APPLIED : UpdateOutcome.CONFLICT;
    }

    private static void setIfPresent(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        }
    }

    @Override
    public RequestPage search(RequestSearch search) {
        List<Criteria> criteria = new ArrayList<>();
        if (search.status() != null) {
            criteria.add(Criteria.where("status").is(search.status()));
        }
        if (search.type() != null) {
            criteria.add(Criteria.where("type").is(search.type()));
        }
        if (search.requester() != null) {
            criteria.add(Criteria.where("requester.userId").is(search.requester()));
        }
        if (search.overdue() != null) {
            criteria.add(
                    search.overdue()
                            ? Criteria.where("overdue").is(true)
                            : Criteria.where("overdue").ne(true));
        }
        if (search.eServiceId() != null) {
            criteria.add(new Criteria()
                    .orOperator(
                            Criteria.where("publication.eServiceId").is(search.eServiceId()),
                            Criteria.where("purge.eServiceId").is(search.eServiceId()),
                            Criteria.where("permission.eServiceId").is(search.eServiceId())));
        }
        if (search.text() != null) {
            Pattern text = Pattern.compile(Pattern.quote(search.text()), Pattern.CASE_INSENSITIVE);
            criteria.add(new Criteria()
                    .orOperator(
                            Criteria.where("_id").regex(text),
                            Criteria.where("publication.eServiceName").regex(text),
                            Criteria.where("purge.eServiceName").regex(text),
                            Criteria.where("permission.eServiceName").regex(text),
                            Criteria.where("publication.message").regex(text),
                            Criteria.where("purge.message").regex(text),
                            Criteria.where("permission.message").regex(text)));
        }
        Query query = criteria.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, ServiceRequestDocument.class);
        String sortField = switch (search.sort()) {
            case SUBMITTED_AT -> "submittedAt";
            case STATUS_SINCE -> "statusSince";
            case STATUS -> "status";
        };
        Sort.Direction direction = search.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC;
        // The id as a tie-breaker keeps pages stable when many requests share a time or status.
        query.with(Sort.by(direction, sortField).and(Sort.by(direction, "_id")))
                .skip((long) search.page() * search.size())
                .limit(search.size());
        return new RequestPage(find(query), search.page(), search.size(), total);
    }

    @Override
    public List<ServiceRequest> findLateInStatus(RequestStatus status, Instant enteredBefore, int limit) {
        Query query = Query.query(new Criteria()
                        .andOperator(
                                Criteria.where("status").is(status),
                                Criteria.where("overdue").ne(true),
                                new Criteria()
                                        .orOperator(
                                                Criteria.where("statusSince").lte(enteredBefore),
                                                // Stored before statusSince was kept: submitted then.
                                                new Criteria()
                                                        .andOperator(
                                                                Criteria.where("statusSince")
                                                                        .exists(false),
                                                                Criteria.where("submittedAt")
                                                                        .lte(enteredBefore)))))
                .with(Sort.by(Sort.Direction.ASC, "statusSince"))
                .limit(limit);
        return find(query);
    }

    private List<ServiceRequest> find(Query query) {
        query.fields().exclude("pendingEvents", "parkedEvents", EventEffects.APPLIED_EVENTS);
        return mongo.find(query, ServiceRequestDocument.class).stream()
                .map(MongoServiceRequests::toDomain)
                .toList();
    }

    private static ServiceRequest toDomain(ServiceRequestDocument document) {
        return ServiceRequest.restore(
                document.id(),
                document.requester(),
                new RequestDetails(document.type(), document.publication(), document.purge(), document.permission()),
                document.submittedAt(),
                document.status(),
                document.timeline() == null
                        ? List.of()
                        : document.timeline().stream()
                                .map(StoredTimelineEntry::toDomain)
                                .toList(),
                document.version(),
                new Lifecycle(
                        document.rank() == null ? 0 : document.rank(),
                        document.statusSince(),
                        document.assignee(),
                        Boolean.TRUE.equals(document.overdue()),
                        document.rejection(),
                        document.outcome(),
                        document.purgePlans()));
    }
}
