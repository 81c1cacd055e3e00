package se.municipality.eops.purge.purging.persistence;

import org.bson.Document;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * The indexes of the stored purge batches, declared for real MongoDB (the local server scans this small
 * collection): an e-service's batches (what open purges claim), a purge's batches by number, and the batch that
 * holds a case (multikey; a platform deletion looks it up).
 */
@Component
class PurgeBatchIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    PurgeBatchIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        IndexOperations indexes = mongo.indexOps(MongoPurgeCases.BATCHES);
        indexes.createIndex(new CompoundIndexDefinition(new Document("eServiceId", 1)).named("eService"));
        indexes.createIndex(
                new CompoundIndexDefinition(new Document("purgeId", 1).append("number", 1)).named("purge_number"));
        indexes.createIndex(new CompoundIndexDefinition(new Document("caseIds", 1)).named("caseIds"));
    }
}
