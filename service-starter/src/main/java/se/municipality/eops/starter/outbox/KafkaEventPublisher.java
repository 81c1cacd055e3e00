package se.municipality.eops.starter.outbox;

import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.integration.kafka.support.KafkaSendFailureException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.EventType;

/**
 * Sends pending events through Spring Cloud Stream as CloudEvents in the Kafka binary binding,
 * <em>without waiting</em>: {@link #send} answers a future that completes when the broker has the
 * event ({@code acks=all}, idempotent producer) or the send has failed for good. The relay sends a
 * whole batch of documents this way and awaits the futures together, so the producer packs many
 * records into each request instead of one round trip per event.
 *
 * <p>The binder's producer handler hands each send's future to the futures channel when the message
 * carries a {@code kafka_futureToken} header, and a send that fails before there is a future (the
 * producer refuses a record that is too large at once) to the send-failure channel; {@link
 * #handlerCustomizer()} sets both on every Kafka producer handler of the binder. The token is the
 * future to complete. The handler removes the header before the record is made. Failures reach the
 * relay, which reports each one with its aggregate, so the binder's error channel does not log them
 * again.
 *
 * <p>An event raised within a trace (see {@link TraceHeaders}) is sent with that trace made current again,
 * so the binder's producer span is a child of the span that raised it and the record carries its W3C
 * {@code traceparent} header (the binder's {@code enable-observation}); the consumers continue the trace.
 */
public class KafkaEventPublisher {

    private final StreamBridge streamBridge;
    private final String source;
    private final MessageChannel sendResults = (message, timeout) -> {
        if (message.getHeaders().get(KafkaIntegrationHeaders.FUTURE_TOKEN) instanceof Sent sent
                && message.getPayload() instanceof CompletableFuture<?> result) {
            sent.handedOver = true;
            result.whenComplete((ignored, failure) -> {
                if (failure == null) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(failure);
                }
            });
        }
        return true;
    };
    private final MessageChannel sendFailures = (message, timeout) -> {
        if (message.getPayload() instanceof KafkaSendFailureException failure
                && failure.getFailedMessage().getHeaders().get(KafkaIntegrationHeaders.FUTURE_TOKEN)
                        instanceof Sent sent) {
            sent.completeExceptionally(failure.getCause() == null ? failure : failure.getCause());
        }
        return true;
    };

    public KafkaEventPublisher(StreamBridge streamBridge, String source) {
        this.streamBridge = streamBridge;
        this.source = source;
    }

    /**
     * Hands the event to the producer and returns at once (unless the producer must first wait for
     * the topic's metadata, up to {@code max.block.ms}).
     *
     * @return completes when Kafka has the event; completes exceptionally with the producer's or the
     *     broker's reason otherwise
     */
    public CompletableFuture<Void> send(PendingEvent event) {
        Sent sent = new Sent();
        // The trace of the request that raised the event is the current one while the binder sends: its Kafka
        // observation starts the producer span as a child of it and writes that span into the record's
        // traceparent header, whichever thread publishes the event and however much later.
        TraceHeaders raisedIn = event.traceHeaders();
        try (Scope trace = raisedIn == null ? Scope.noop() : raisedIn.makeCurrent()) {
            if (!streamBridge.send(event.topic(), toMessage(event, sent))) {
                sent.completeExceptionally(new IllegalStateException("Kafka did not accept event " + event.eventId()));
            }
        } catch (RuntimeException e) {
            sent.completeExceptionally(e);
        }
        if (!sent.handedOver && !sent.isDone()) {
            sent.completeExceptionally(new IllegalStateException("The binder handed back no result for event "
                    + event.eventId() + ": is KafkaEventPublisher#handlerCustomizer registered?"));
        }
        return sent;
    }

    /** Makes every Kafka producer handler of the binder hand its send futures to this publisher. */
    public ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> handlerCustomizer() {
        return (handler, destination) -> {
            handler.setFuturesChannel(sendResults);
            handler.setSendFailureChannel(sendFailures);
        };
    }

    private Message<byte[]> toMessage(PendingEvent event, Sent sent) {
        // The schema the event was written against, which the pending event remembers.
        String dataSchema = EventType.dataSchemaUri(event.type(), event.schemaVersion());
        // Header values as raw UTF-8 bytes: that is what the CloudEvents Kafka binding expects.
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(
                        event.payload().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, bytes(event.key()))
                .setHeader(CloudEventHeaders.ID, bytes(event.eventId()))
                .setHeader(CloudEventHeaders.TYPE, bytes(event.type()))
                .setHeader(CloudEventHeaders.SOURCE, bytes(source))
                .setHeader(CloudEventHeaders.TIME, bytes(event.occurredAt().toString()))
                .setHeader(CloudEventHeaders.SUBJECT, bytes(event.key()))
                .setHeader(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE))
                .setHeader(CloudEventHeaders.DATA_SCHEMA, bytes(dataSchema))
                .setHeader(CloudEventHeaders.SCHEMA_VERSION, bytes(Integer.toString(event.schemaVersion())))
                .setHeader(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (sent != null) {
            message.setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN, sent);
        }
        return message.build();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One send's outcome; also the token the binder's handler hands back with the producer's future.
     *
     * <p>It is a header of the message it stands for, and a send that fails with a {@code MessagingException} carries
     * that message: {@code CompletableFuture#toString} names its failure, whose {@code toString} names the message,
     * whose headers name this future again. Logging such a failure overflowed the stack of the relay's thread (after a
     * Kafka outage that met the first send to a topic: every round died, nothing was published until a restart), so
     * it says its state and nothing of its failure.
     */
    static final class Sent extends CompletableFuture<Void> {
        volatile boolean handedOver;

        @Override
        public String toString() {
            String state = !isDone() ? "pending" : isCompletedExceptionally() ? "failed" : "sent";
            return "KafkaEventPublisher.Sent@" + Integer.toHexString(System.identityHashCode(this)) + "[" + state + "]";
        }
    }
}
