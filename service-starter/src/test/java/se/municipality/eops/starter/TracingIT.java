package se.municipality.eops.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.RestClient;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.starter.messaging.EventHandlers;
import se.municipality.eops.starter.outbox.OutboxRelay;
import se.municipality.eops.starter.outbox.PendingEvent;
import se.municipality.eops.starter.outbox.TraceHeaders;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.TraceParent;

/**
 * One trace from an HTTP request to the consumer of the event it caused, across the outbox (a MongoDB
 * write, then a relay thread) and the real Kafka broker: the request writes an aggregate with its event,
 * the relay publishes it, the starter's consumer handles it. Within one application built on the
 * starter; every service's requests and consumers run the same code.
 */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TracingIT {

    private static final String CONSUMER = "starter-test-recorder";

    /** The same events read in batches: the binder observes a batch as a whole, the starter each of its records. */
    private static final String BATCH_CONSUMER = "starter-test-batch-recorder";

    @LocalServerPort
    int port;

    @Autowired
    StarterTestApplication.FinishedSpans finishedSpans;

    @Autowired
    SdkTracerProvider tracerProvider;

    @Autowired
    LoggingSystem loggingSystem;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @BeforeEach
    void consumerLinesOn() {
        // The starter logs one DEBUG line per event a consumer handles; an operator turns it on the same way.
        loggingSystem.setLogLevel(EventHandlers.class.getName(), LogLevel.DEBUG);
    }

    @AfterEach
    void consumerLinesOff() {
        loggingSystem.setLogLevel(EventHandlers.class.getName(), null);
    }

    @Test
    void theConsumerOfAnEventLogsTheTraceIdOfTheHttpRequestThatCausedIt(CapturedOutput output) {
        TraceParent caller = TraceParent.sampled();
        String traceId = caller.traceId();
        String requestId = "traced-" + UUID.randomUUID();

        RestClient.create("http://localhost:" + port)
                .post()
                .uri("/test-aggregates/{id}", requestId)
                // As a browser's or gateway's instrumentation sends it; sampled, so the spans are recorded.
                .header(TraceParent.HEADER, caller.header())
                .retrieve()
                .toBodilessEntity();

        CapturedEvent record = PublishedEvents.get()
                .awaitOne(Topics.REQUEST_EVENTS, "RequestSubmitted", event -> requestId.equals(event.key()));
        assertThat(record.header("traceparent"))
                .as(
                        "the record's traceparent header, with the headers %s; spans %s",
                        record.headers(),
                        finishedSpans.items().stream()
                                .map(sp -> sp.getKind() + " " + sp.getName() + " " + sp.getTraceId() + " parent "
                                        + sp.getParentSpanId())
                                .toList())
                .contains(traceId);
        String line = awaitConsumerLine(output, CONSUMER, requestId);
        assertThat(line).contains(traceId);
        assertThat(awaitConsumerLine(output, BATCH_CONSUMER, requestId))
                .as("the batch consumer's line for that event, in the request's trace")
                .contains(traceId + "-");

        SpanData server = awaitSpan(traceId, SpanKind.SERVER);
        SpanData producer = awaitSpan(traceId, SpanKind.PRODUCER);
        SpanData consumer = awaitSpan(traceId, SpanKind.CONSUMER);
        assertThat(producer.getName()).contains(Topics.REQUEST_EVENTS);
        assertThat(consumer.getName()).contains(Topics.REQUEST_EVENTS);
        assertThat(line)
                .as("the consumer's line names the span the consumer's handler ran in, in the request's trace")
                .contains(traceId + "-");
        assertThat(server.getTraceId()).isEqualTo(consumer.getTraceId());
        // One span per hop: the Kafka send and the Kafka receive, not a span each for the Spring Integration
        // channel and the Spring Cloud Function invocation around them (observations that cost per record).
        // Every span processor's spans out now, Boot's batching one among them: a span that reached the test's
        // exporter twice would show as a second send.
        assertThat(tracerProvider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess())
                .isTrue();
        List<String> trace = finishedSpans.items().stream()
                .filter(span -> span.getTraceId().equals(traceId))
                .map(span -> span.getKind() + " " + span.getName())
                .toList();
        assertThat(trace)
                .as("the spans of the request's trace")
                .filteredOn(span -> span.startsWith(SpanKind.PRODUCER.name()))
                .hasSize(1);
        assertThat(trace)
                .as("the spans of the request's trace")
                .noneMatch(span -> span.startsWith(SpanKind.INTERNAL.name()));
    }

    @Test
    void anEventTheSweepPublishesAfterARestartKeepsTheTraceOfTheRequestThatRaisedIt(CapturedOutput output) {
        TraceParent raisedIn = TraceParent.sampled();
        String traceId = raisedIn.traceId();
        String requestId = "traced-crash-left-" + UUID.randomUUID();
        PendingEvent stored = PendingEvent.of(StarterTestApplication.sampleEvent(requestId))
                .withTrace(TraceHeaders.of(raisedIn.header(), "eops=restart"));
        // As a process that died after its write left it: no publication after the write, older than the grace.
        Document entry = stored.toDocument();
        entry.put("occurredAt", Date.from(Instant.now().minus(Duration.ofMinutes(5))));
        mongo.getCollection(StarterTestApplication.AGGREGATES)
                .insertOne(new Document("_id", requestId)
                        .append("state", "created")
                        .append("pendingEvents", List.of(entry)));

        relay.sweep();

        assertThat(awaitConsumerLine(output, CONSUMER, requestId)).contains(traceId);
        assertThat(awaitSpan(traceId, SpanKind.CONSUMER).getName()).contains(Topics.REQUEST_EVENTS);
    }

    private static String awaitConsumerLine(CapturedOutput output, String consumer, String requestId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> output.getOut()
                                .lines()
                                .filter(line -> line.contains(consumer + " handles RequestSubmitted")
                                        && line.contains("(key " + requestId + ")"))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private SpanData awaitSpan(String traceId, SpanKind kind) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> finishedSpans.items().stream()
                                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == kind)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }
}
