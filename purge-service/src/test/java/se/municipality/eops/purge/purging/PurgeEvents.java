package se.municipality.eops.purge.purging;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;

/** purge-service's events as they reached Kafka, decoded. */
final class PurgeEvents {

    private PurgeEvents() {}

    static <E extends DomainEvent> List<E> all(Class<E> type, Predicate<E> matching) {
        return PublishedEvents.get().find(Topics.PURGE_EVENTS, type.getSimpleName(), any -> true).stream()
                .map(captured -> decode(captured, type))
                .filter(matching)
                .toList();
    }

    static <E extends DomainEvent> E awaitOne(Class<E> type, Predicate<E> matching) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> all(type, matching), found -> !found.isEmpty())
                .get(0);
    }

    private static <E extends DomainEvent> E decode(CapturedEvent captured, Class<E> type) {
        return EventJson.read(captured.payload().getBytes(StandardCharsets.UTF_8), type);
    }
}
