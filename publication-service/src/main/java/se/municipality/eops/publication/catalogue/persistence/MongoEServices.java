package se.municipality.eops.publication.catalogue.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import se.municipality.eops.contract.publication.PublicationBlocked;
import se.municipality.eops.publication.catalogue.domain.EService;
import se.municipality.eops.publication.catalogue.domain.EServices;
import se.municipality.eops.publication.catalogue.domain.VersionStatus;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PendingEvent;

/**
 * Stores an e-service and the events it raised in one document write through the starter's {@link
 * OutboxWrites}: a new one with {@code insert}, a change with {@code replace}, which writes only if the
 * stored version is still the one read (optimistic locking) and appends the events with {@code $push}.
 */
@Repository
class MongoEServices implements EServices {

    private final MongoTemplate mongo;
    private final OutboxWrites outbox;

    MongoEServices(MongoTemplate mongo, OutboxWrites outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public Optional<EService> find(String eServiceId) {
        return Optional.ofNullable(mongo.findById(eServiceId, EServiceDocument.class))
                .map(MongoEServices::toDomain);
    }

    @Override
    public Optional<EService> findByReviewId(String reviewId) {
        return Optional.ofNullable(mongo.findOne(
                        Query.query(where("versions.review.reviewId").is(reviewId)), EServiceDocument.class))
                .map(MongoEServices::toDomain);
    }

    @Override
    public boolean add(EService eService) {
        try {
            outbox.insert(toDocument(
                    eService,
                    eService.newEvents().stream().map(PendingEvent::of).toList()));
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public boolean update(EService eService) {
        return outbox.replace(toDocument(eService, null), eService.newEvents()).isPresent();
    }

    @Override
    public boolean addUnmatched(PublicationBlocked blocked) {
        try {
            outbox.insert(new BlockedRequestDocument(
                    blocked.requestId(),
                    blocked.eServiceId(),
                    blocked.reason().name(),
                    blocked.occurredAt(),
                    List.of(PendingEvent.of(blocked))));
            return true;
        } catch (DuplicateKeyException handledBefore) {
            return false;
        }
    }

    @Override
    public List<EService> withReviewsToRemind(Instant requestedBefore, int limit) {
        return find(
                where("versions")
                        .elemMatch(where("status")
                                .is(VersionStatus.IN_REVIEW.name())
                                .and("review.requestedAt")
                                .lte(requestedBefore)
                                .and("review.remindedAt")
                                .is(null)),
                limit);
    }

    @Override
    public List<EService> withPublicationsToFlag(Instant decidedBefore, int limit) {
        return find(
                where("versions")
                        .elemMatch(where("status")
                                .is(VersionStatus.APPROVED.name())
                                .and("review.decidedAt")
                                .lte(decidedBefore)
                                .and("review.stalledAt")
                                .is(null)),
                limit);
    }

    @Override
    public List<EService> withStalledPublications(int limit) {
        return find(
                where("versions")
                        .elemMatch(where("status")
                                .is(VersionStatus.APPROVED.name())
                                .and("review.stalledAt")
                                .ne(null)),
                limit);
    }

    @Override
    public List<EService> withVersionsInReview(int limit) {
        return find(where("versions.status").is(VersionStatus.IN_REVIEW.name()), limit);
    }

    @Override
    public CataloguePage search(CatalogueQuery search) {
        Criteria criteria = new Criteria();
        java.util.ArrayList<Criteria> all = new java.util.ArrayList<>();
        if (search.text() != null && !search.text().isBlank()) {
            Pattern contains = Pattern.compile(Pattern.quote(search.text().strip()), Pattern.CASE_INSENSITIVE);
            all.add(new Criteria()
                    .orOperator(
                            where("name").regex(contains),
                            where("_id").regex(contains),
                            where("basicInfo.searchKeywords").regex(contains)));
        }
        if (search.status() != null) {
            all.add(where("versions.status").is(search.status().name()));
        }
        if (search.committee() != null && !search.committee().isBlank()) {
            all.add(where("committee").is(search.committee()));
        }
        if (!all.isEmpty()) {
            criteria.andOperator(all);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, EServiceDocument.class);
        query.with(Sort.by("name", "_id"))
                .skip((long) search.page() * search.size())
                .limit(search.size());
        List<EService> items = mongo.find(query, EServiceDocument.class).stream()
                .map(MongoEServices::toDomain)
                .toList();
        return new CataloguePage(items, search.page(), search.size(), total);
    }

    private List<EService> find(Criteria criteria, int limit) {
        Query query = Query.query(criteria).with(Sort.by("_id")).limit(limit);
        return mongo.find(query, EServiceDocument.class).stream()
                .map(MongoEServices::toDomain)
                .toList();
    }

    private static EServiceDocument toDocument(EService eService, List<PendingEvent> pending) {
        return new EServiceDocument(
                eService.id(),
                eService.name(),
                eService.committee(),
                eService.orderer(),
                eService.contact(),
                eService.basicInfo(),
                eService.registeredAt(),
                eService.versions(),
                eService.changeLog(),
                eService.version(),
                pending);
    }

    private static EService toDomain(EServiceDocument document) {
        return EService.restore(
                document.id(),
                document.name(),
                document.committee(),
                document.orderer(),
                document.contact(),
                document.basicInfo(),
                document.registeredAt(),
                document.versions(),
                document.changeLog(),
                document.version());
    }
}
