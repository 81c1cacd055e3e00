package se.municipality.eops.request.readmodel;

import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import se.municipality.eops.request.readmodel.persistence.ReadModelCollections;

/**
 * For tests about something else: puts e-services into the catalogue as publication-service would
 * (an {@code EServiceRegistered} each), so new versions and grants on them are not answered with
 * "not in the catalogue".
 */
public final class CatalogueFixture {

    private CatalogueFixture() {}

    public static void ensureRegistered(MongoTemplate mongo, String... eServiceIds) {
        List<String> missing = List.of(eServiceIds).stream()
                .filter(id -> !mongo.exists(Query.query(where("_id").is(id)), ReadModelCollections.CATALOGUE))
                .toList();
        missing.forEach(id -> ReadModelFixtures.publish(ReadModelFixtures.registered(id)));
        await().until(() -> missing.stream()
                .allMatch(id -> mongo.exists(Query.query(where("_id").is(id)), ReadModelCollections.CATALOGUE)));
    }
}
