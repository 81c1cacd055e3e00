package se.municipality.eops.purge.cases.persistence;

import org.bson.Document;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * The indexes the purge queries need, declared for real MongoDB (the local MongoDB-protocol server ignores
 * non-unique secondary indexes and scans; production must not): test cases of an e-service, due cases by either
 * clock; and the purged case ids (multikey), which every CaseSubmitted is checked against.
 */
@Component
class CaseIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    CaseIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        IndexOperations indexes = mongo.indexOps(CaseFields.COLLECTION);
        indexes.createIndex(
                new CompoundIndexDefinition(new Document(CaseFields.E_SERVICE_ID, 1).append(CaseFields.TEST, 1))
                        .named("eService_test"));
        indexes.createIndex(
                new CompoundIndexDefinition(new Document(CaseFields.E_SERVICE_ID, 1).append(CaseFields.SUBMITTED_AT, 1))
                        .named("eService_submittedAt"));
        indexes.createIndex(
                new CompoundIndexDefinition(new Document(CaseFields.E_SERVICE_ID, 1).append(CaseFields.CLOSED_AT, 1))
                        .named("eService_closedAt"));
        mongo.indexOps(CaseFields.PURGED_COLLECTION)
                .createIndex(new CompoundIndexDefinition(new Document(CaseFields.PURGED_CASE_IDS, 1)).named("caseIds"));
    }
}
