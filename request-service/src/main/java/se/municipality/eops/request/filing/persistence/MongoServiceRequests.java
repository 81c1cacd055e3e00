package se.municipality.eops.request.filing.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.ServiceRequests;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PendingEvent;

/**
 * Stores a request and the events it raised in one document write, so both are kept or neither is;
 * the starter's relay publishes the events right after the write. Writes go through the starter's
 * {@link OutboxWrites}: a later change of a request must use its update path, which appends events
 * with {@code $push} and never rewrites {@code pendingEvents} (reading a request leaves them out).
 */
@Repository
class MongoServiceRequests implements ServiceRequests {

    private final MongoTemplate mongo;
    private final OutboxWrites outbox;

    MongoServiceRequests(MongoTemplate mongo, OutboxWrites outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public boolean add(ServiceRequest request) {
        try {
            outbox.insert(toDocument(
                    request, request.newEvents().stream().map(PendingEvent::of).toList()));
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    private static ServiceRequestDocument toDocument(ServiceRequest request, List<PendingEvent> pending) {
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
                request.version(),
                pending);
    }

    @Override
    public Optional<ServiceRequest> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, ServiceRequestDocument.class))
                .map(MongoServiceRequests::toDomain);
    }

    @Override
    public List<ServiceRequest> findByRequester(String userId, int limit) {
        Query query = Query.query(Criteria.where("requester.userId").is(userId))
                .with(Sort.by(Sort.Direction.DESC, "submittedAt"))
                .limit(limit);
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
                document.version());
    }
}
