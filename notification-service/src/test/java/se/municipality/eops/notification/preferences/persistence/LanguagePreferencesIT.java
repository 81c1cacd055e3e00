package se.municipality.eops.notification.preferences.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.notification.preferences.domain.LanguagePreferences;
import se.municipality.eops.testkit.ServiceIntegrationTest;

/**
 * Preferences are kept by person id (the contract's PersonIds): found whichever way the login name is spelt,
 * and those stored under the login name as typed, before, are found under the person id too.
 */
@ServiceIntegrationTest
class LanguagePreferencesIT {

    @Autowired
    LanguagePreferences preferences;

    @Autowired
    MongoTemplate mongo;

    @Test
    void findsAPreferenceSetUnderTheLoginNameAsTypedByThePersonIdAndTheOtherWayRound() {
        String suffix = UUID.randomUUID().toString();

        preferences.set("  Anna.Andersson." + suffix.toUpperCase(), "en");

        assertThat(preferences.languageOf("anna.andersson." + suffix)).contains("en");
        assertThat(preferences.languageOf("ANNA.ANDERSSON." + suffix.toUpperCase()))
                .contains("en");
    }

    @Test
    void movesAPreferenceStoredBeforeUnderTheLoginNameAsTypedToThePersonId() {
        String suffix = UUID.randomUUID().toString();
        String typed = "Bertil.Berg." + suffix.toUpperCase();
        mongo.insert(new Document("_id", typed).append("language", "en"), MongoLanguagePreferences.COLLECTION);
        String both = "Cecilia.Carlsson." + suffix.toUpperCase();
        mongo.insert(new Document("_id", both).append("language", "en"), MongoLanguagePreferences.COLLECTION);
        preferences.set("cecilia.carlsson." + suffix, "sv"); // set since, under the person id: it stands

        assertThat(((MongoLanguagePreferences) preferences).normaliseStoredKeys())
                .isGreaterThanOrEqualTo(2);

        assertThat(preferences.languageOf("bertil.berg." + suffix)).contains("en");
        assertThat(preferences.languageOf("cecilia.carlsson." + suffix)).contains("sv");
        assertThat(mongo.findById(typed, Document.class, MongoLanguagePreferences.COLLECTION))
                .isNull();
        assertThat(mongo.findById(both, Document.class, MongoLanguagePreferences.COLLECTION))
                .isNull();
    }
}
