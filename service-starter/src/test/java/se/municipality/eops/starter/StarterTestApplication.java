package se.municipality.eops.starter;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.bson.BsonDocument;
import org.bson.Document;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.cloud.stream.binder.kafka.config.ClientFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.messaging.Message;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;
import se.municipality.eops.starter.messaging.EventConsumers;
import se.municipality.eops.starter.messaging.EventEffects;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.starter.messaging.IncomingEvent;
import se.municipality.eops.starter.outbox.OutboxListener;
import se.municipality.eops.starter.outbox.PendingEvent;
import se.municipality.eops.starter.outbox.PublicationPath;
import se.municipality.eops.testkit.RawKafka;

/** A minimal service built on the starter: one aggregate with an outbox and one consumer. */
@SpringBootApplication
public class StarterTestApplication {

    static final String AGGREGATES = "test_aggregates";
    static final String APPLIED = "applied_requests";

    @org.springframework.data.mongodb.core.mapping.Document(AGGREGATES)
    record TestAggregate(@Id String id, String state, List<PendingEvent> pendingEvents) {}

    static RequestSubmitted sampleEvent(String requestId) {
        return sampleEvent(requestId, UUID.randomUUID());
    }

    static RequestSubmitted sampleEvent(String requestId, UUID eventId) {
        return new RequestSubmitted(
                eventId,
                requestId,
                Instant.now(),
                RequestType.PURGE,
                new Requester(
                        "anna",
                        "Anna Andersson",
                        "anna.andersson@kommun.example",
                        RequesterRole.ESERVICE_ADMINISTRATOR),
                null,
                new PurgeRequest(PurgeRequest.PurgeKind.TEST_CASES, "es-1", "Parking permit", null, null, null),
                null);
    }

    /** Sends a valid RequestSubmitted of that request under that key straight to Kafka; answers its event id. */
    static String sendRequestSubmitted(String key, String requestId) {
        RequestSubmitted event = sampleEvent(requestId);
        RawKafka.send(
                Topics.REQUEST_EVENTS,
                key,
                EventJson.write(event).getBytes(StandardCharsets.UTF_8),
                Map.of(
                        CloudEventHeaders.TYPE,
                        "RequestSubmitted",
                        CloudEventHeaders.ID,
                        event.eventId().toString()));
        return event.eventId().toString();
    }

    @RestController
    static class TestAggregates {

        private final MongoTemplate mongo;

        TestAggregates(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @PostMapping("/test-aggregates/{id}")
        ResponseEntity<Void> create(@PathVariable String id) {
            List<PendingEvent> events = new ArrayList<>(List.of(PendingEvent.of(sampleEvent(id))));
            mongo.save(new TestAggregate(id, "created", events));
            return ResponseEntity.created(URI.create("/test-aggregates/" + id)).build();
        }
    }

    /** Which path each event took to Kafka, as the relay tells its listeners. */
    static class Publications implements OutboxListener {

        final Map<String, PublicationPath> pathByEventId = new ConcurrentHashMap<>();

        @Override
        public void published(PendingEvent event, PublicationPath path) {
            pathByEventId.put(event.eventId(), path);
        }
    }

    /**
     * Every finished span, once and at once (test only: services export by OTLP, batched, when turned on). The
     * exporter is no bean of its own: Boot hands every {@code SpanExporter} bean to its batching processor as well,
     * so each span reached it twice, the second time whenever the batch went out (at once, once 512 spans were
     * waiting): a trace then seemed to hold two Kafka sends.
     */
    record FinishedSpans(InMemorySpanExporter exporter) {

        List<SpanData> items() {
            return exporter.getFinishedSpanItems();
        }
    }

    @Bean
    FinishedSpans finishedSpans() {
        return new FinishedSpans(InMemorySpanExporter.create());
    }

    @Bean
    SpanProcessor finishedSpansProcessor(FinishedSpans finishedSpans) {
        return SimpleSpanProcessor.create(finishedSpans.exporter());
    }

    @Bean
    Publications publications() {
        return new Publications();
    }

    /** Sees the configuration of every producer the binder really creates. */
    static class ProducerConfigurations implements ClientFactoryCustomizer {

        final List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();

        @Override
        public void configure(ProducerFactory<?, ?> producerFactory) {
            seen.add(producerFactory.getConfigurationProperties());
        }
    }

    /** Counts the MongoDB commands the application sends, per command name and collection. */
    static class MongoCommands implements CommandListener {

        private final List<BsonDocument> started = new CopyOnWriteArrayList<>();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            String name = event.getCommandName();
            if (name.equals("update") || name.equals("find") || name.equals("insert") || name.equals("aggregate")) {
                started.add(event.getCommand().clone());
            }
        }

        /** The commands named so on the collection that touch any of the given ids ({@code _id} filters). */
        long count(String commandName, String collection, Set<String> ids) {
            return matching(commandName, collection, ids).size();
        }

        /** Those commands as JSON. */
        List<String> matching(String commandName, String collection, Set<String> ids) {
            return started.stream()
                    .filter(command -> command.containsKey(commandName)
                            && collection.equals(command.getString(commandName).getValue()))
                    .map(BsonDocument::toJson)
                    .filter(text -> ids.stream().anyMatch(text::contains))
                    .toList();
        }
    }

    @Bean
    MongoCommands mongoCommands() {
        return new MongoCommands();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer countMongoCommands(MongoCommands commands) {
        return settings -> settings.addCommandListener(commands);
    }

    @Bean
    ProducerConfigurations producerConfigurations() {
        return new ProducerConfigurations();
    }

    @Bean
    RequestRecorder requestRecorder(EventEffects effects) {
        return new RequestRecorder(effects);
    }

    @Bean
    Consumer<Message<byte[]>> recordRequests(EventConsumers consumers, RequestRecorder recorder) {
        return consumers
                .named("starter-test-recorder")
                .on(RequestSubmitted.class, recorder::record)
                .build();
    }

    @Bean
    BatchRecorder batchRecorder(EventEffects effects) {
        return new BatchRecorder(effects);
    }

    /** The same topic read in batches, by a consumer group of its own (binding recordRequestBatches-in-0). */
    @Bean
    Consumer<Message<List<byte[]>>> recordRequestBatches(EventConsumers consumers, BatchRecorder recorder) {
        return consumers
                .named("starter-test-batch-recorder")
                .on(RequestSubmitted.class, recorder::record)
                .buildBatch();
    }

    /**
     * Records every submitted request read in batches in {@value #APPLIED_IN_BATCHES}, keyed by the event, and
     * every call of its handler in {@link #calls} in their order. Request ids with a test prefix make it fail:
     * {@value #FAIL_ONCE} on its first attempt, {@value #FAIL_ALWAYS} on every attempt.
     */
    static class BatchRecorder {

        static final String APPLIED_IN_BATCHES = "applied_requests_in_batches";
        static final String FAIL_ONCE = "batch-fail-once-";
        static final String FAIL_ALWAYS = "batch-fail-always-";

        private final EventEffects effects;
        final List<UUID> calls = new CopyOnWriteArrayList<>();

        BatchRecorder(EventEffects effects) {
            this.effects = effects;
        }

        void record(IncomingEvent<RequestSubmitted> incoming) {
            calls.add(incoming.eventId());
            String requestId = incoming.event().requestId();
            if (requestId.startsWith(FAIL_ALWAYS)
                    || requestId.startsWith(FAIL_ONCE)
                            && calls.stream().filter(incoming.eventId()::equals).count() == 1) {
                throw new IllegalStateException("injected failure of " + incoming.eventId());
            }
            effects.insert(
                    incoming,
                    new Document("requestId", requestId)
                            .append("eventId", incoming.eventId().toString()),
                    APPLIED_IN_BATCHES);
        }

        long callsOf(UUID eventId) {
            return calls.stream().filter(eventId::equals).count();
        }
    }

    /**
     * Records every submitted request in {@value #APPLIED}, one document per event, keyed by the event
     * as the starter's rule for handlers asks. Request ids with a test prefix make it misbehave the
     * way deliveries in production can: {@value #FAIL_AFTER_WRITE} fails once right after its write,
     * as a crash before the event is marked applied would; {@value #MEET_BEFORE_WRITE} holds each
     * delivery before its write until a second delivery of the same event has come that far too.
     */
    static class RequestRecorder {

        static final String FAIL_AFTER_WRITE = "fail-after-write-";
        static final String MEET_BEFORE_WRITE = "concurrent-";

        private final EventEffects effects;
        final Set<UUID> failedAfterWrite = ConcurrentHashMap.newKeySet();
        private final Map<UUID, CyclicBarrier> meetings = new ConcurrentHashMap<>();

        RequestRecorder(EventEffects effects) {
            this.effects = effects;
        }

        void record(IncomingEvent<RequestSubmitted> incoming) {
            String requestId = incoming.event().requestId();
            if (requestId.startsWith(MEET_BEFORE_WRITE)) {
                meetTheOtherDelivery(incoming.eventId());
            }
            effects.insert(
                    incoming,
                    new Document("requestId", requestId)
                            .append("eventId", incoming.eventId().toString()),
                    APPLIED);
            if (requestId.startsWith(FAIL_AFTER_WRITE) && failedAfterWrite.add(incoming.eventId())) {
                throw new IllegalStateException("injected failure after the write of " + incoming.eventId());
            }
        }

        private void meetTheOtherDelivery(UUID eventId) {
            try {
                meetings.computeIfAbsent(eventId, id -> new CyclicBarrier(2)).await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the second delivery of " + eventId + " never came", e);
            }
        }
    }
}
