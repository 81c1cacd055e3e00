package se.municipality.eops.notification.preferences.persistence;

import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import se.municipality.eops.notification.preferences.domain.LanguagePreferences;

/** Preferences in the collection {@code preferences}, one document per user id. */
@Repository
class MongoLanguagePreferences implements LanguagePreferences {

    static final String COLLECTION = "preferences";

    private final MongoTemplate mongo;

    MongoLanguagePreferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<String> languageOf(String userId) {
        return Optional.ofNullable(mongo.findById(userId, PreferenceDocument.class, COLLECTION))
                .map(PreferenceDocument::language);
    }

    @Override
    public void set(String userId, String language) {
        mongo.upsert(Query.query(Criteria.where("_id").is(userId)), Update.update("language", language), COLLECTION);
    }

    record PreferenceDocument(@Id String userId, String language) {}
}
