package se.municipality.eops.publication.checklist.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import se.municipality.eops.publication.checklist.domain.Checklist;
import se.municipality.eops.publication.checklist.domain.Checklists;

@Repository
class MongoChecklists implements Checklists {

    private final MongoTemplate mongo;

    MongoChecklists(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Checklist> inForceAt(Instant at) {
        Query query = Query.query(Criteria.where("effectiveFrom").lte(at))
                .with(Sort.by(Sort.Direction.DESC, "_id"))
                .limit(1);
        return Optional.ofNullable(mongo.findOne(query, ChecklistDocument.class))
                .map(MongoChecklists::toDomain);
    }

    @Override
    public Optional<Checklist> latest() {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, ChecklistDocument.class))
                .map(MongoChecklists::toDomain);
    }

    @Override
    public List<Checklist> all() {
        return mongo.find(new Query().with(Sort.by("_id")), ChecklistDocument.class).stream()
                .map(MongoChecklists::toDomain)
                .toList();
    }

    @Override
    public boolean add(Checklist checklist) {
        try {
            mongo.insert(new ChecklistDocument(
                    checklist.version(), checklist.effectiveFrom(), checklist.publishedBy(), checklist.items()));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    private static Checklist toDomain(ChecklistDocument document) {
        return new Checklist(document.version(), document.effectiveFrom(), document.publishedBy(), document.items());
    }
}
