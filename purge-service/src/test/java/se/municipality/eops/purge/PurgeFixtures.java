package se.municipality.eops.purge;

import java.util.UUID;
import org.springframework.http.HttpMethod;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.EventType;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.RawKafka;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

/** What the purge ITs share: sending events as their publishers do, tokens, unique ids. */
public final class PurgeFixtures {

    private PurgeFixtures() {}

    /** Sends the event as its publisher would (CloudEvents headers, key = aggregate id); again = a redelivery. */
    public static void publish(DomainEvent event, String source) {
        EventType type = EventCatalog.of(event.getClass());
        RawKafka.sendEvent(type, event.aggregateId(), event.eventId().toString(), EventJson.write(event), source);
    }

    public static void fromPlatform(DomainEvent event) {
        publish(event, "/platform/e-services");
    }

    public static String token(String user) {
        return SharedInfrastructure.get().tokens().tokenFor(user);
    }

    public static String uniqueEService() {
        return "es-it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static HttpAnswer post(int port, String user, String path, String json) {
        return TestHttp.at(port).post(path, token(user), json);
    }

    public static HttpAnswer get(int port, String user, String path) {
        return TestHttp.at(port).get(path, token(user));
    }

    public static HttpAnswer delete(int port, String user, String path) {
        return TestHttp.at(port).call(HttpMethod.DELETE, path, token(user), null);
    }
}
