package se.municipality.eops.notification.preferences.persistence;

import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.notification.preferences.domain.LanguagePreferences;

/**
 * Preferences in the collection {@code preferences}, one document per person, keyed by the person id
 * ({@link PersonIds#normalize}): a preference set under the login name as typed ("Anna.Andersson") is found
 * under the id the events carry ("anna.andersson"), and the other way round. Documents stored before under a
 * key that is not a person id are moved to theirs at start ({@link #normaliseStoredKeys}).
 */
@Repository
class MongoLanguagePreferences implements LanguagePreferences, InitializingBean {

    static final String COLLECTION = "preferences";

    private static final Logger log = LoggerFactory.getLogger(MongoLanguagePreferences.class);

    private final MongoTemplate mongo;

    MongoLanguagePreferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<String> languageOf(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(PersonIds.normalize(userId), PreferenceDocument.class, COLLECTION))
                .map(PreferenceDocument::language);
    }

    @Override
    public void set(String userId, String language) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(PersonIds.normalize(userId))),
                Update.update("language", language),
                COLLECTION);
    }

    @Override
    public void afterPropertiesSet() {
        try {
            normaliseStoredKeys();
        } catch (DataAccessException unavailable) {
            // Looked up by person id, such a preference is not found (Swedish) until the next start moves it.
            log.warn("Could not move language preferences to their person ids: {}", unavailable.getMessage());
        }
    }

    /**
     * Moves every preference stored under a key that is not a person id (the login name as typed, by versions
     * before this one) to its person id, unless one is stored there already (set since, so newer); returns how
     * many it moved. Safe to run on several replicas at once: the upsert and the removal repeat harmlessly.
     */
    int normaliseStoredKeys() {
        int moved = 0;
        // One document per person who ever chose a language: a small collection, read whole.
        List<Document> all = mongo.findAll(Document.class, COLLECTION);
        for (Document stored : all) {
            if (!(stored.get("_id") instanceof String key) || key.isBlank() || stored.get("language") == null) {
                continue;
            }
            String personId = PersonIds.normalize(key);
            if (personId.equals(key)) {
                continue;
            }
            mongo.upsert(
                    Query.query(Criteria.where("_id").is(personId)),
                    new Update().setOnInsert("language", stored.get("language")),
                    COLLECTION);
            mongo.remove(Query.query(Criteria.where("_id").is(key)), COLLECTION);
            moved++;
        }
        if (moved > 0) {
            log.info("Moved {} language preferences to their person ids", moved);
        }
        return moved;
    }

    record PreferenceDocument(@Id String userId, String language) {}
}
