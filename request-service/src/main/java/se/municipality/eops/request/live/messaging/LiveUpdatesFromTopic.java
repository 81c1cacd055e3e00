package se.municipality.eops.request.live.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.config.ConsumerEndpointCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.kafka.inbound.KafkaMessageDrivenChannelAdapter;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.EventType;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.request.live.application.LiveStreams;
import se.municipality.eops.request.live.domain.StatusUpdate;
import se.municipality.eops.starter.messaging.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Feeds the streams open on this replica from the service's own topic, {@code eops.request.events}. The binding
 * ({@code requestLiveUpdates-in-0}) has no group, so each replica reads every event in an anonymous group of its
 * own, from the latest offset: a change made on any replica reaches streams on all of them.
 *
 * <p>Not built with the starter's {@code EventConsumers}: those record applied events in the service's database,
 * shared by all replicas, so the first replica to push an event would make the others skip it. Pushing to open
 * streams has no database effect and is harmless to repeat (each stream lets an entry through once), so this reads
 * the envelope and the few fields it needs itself (a tolerant reader) and skips what it cannot read; a dead-letter
 * topic makes no sense for a group that exists only while its replica runs.
 */
@Configuration(proxyBeanMethods = false)
class LiveUpdatesFromTopic {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdatesFromTopic.class);

    private static final String STATUS_CHANGED = EventCatalog.REQUEST_STATUS_CHANGED.name();
    private static final String SUBMITTED = EventCatalog.REQUEST_SUBMITTED.name();

    /** Request-service's own events, whatever this version knows of them; other types on the topic are skipped. */
    private static final Set<String> REQUEST_EVENTS = EventCatalog.all().stream()
            .filter(type -> type.topic().equals(Topics.REQUEST_EVENTS))
            .map(EventType::name)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * Drops, on the binding of the service's own topic, the records no open stream follows before the binder converts
     * them ({@link UnfollowedRecords}). That binding is the only one of this service on {@code eops.request.events}.
     */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConsumerEndpointCustomizer<KafkaMessageDrivenChannelAdapter<?, ?>> liveUpdatesRecordFilter(
            LiveStreams streams, MeterRegistry meters) {
        UnfollowedRecords unfollowed = new UnfollowedRecords(streams::mayFollow, REQUEST_EVENTS, meters);
        return (adapter, destination, group) -> {
            if (Topics.REQUEST_EVENTS.equals(destination)) {
                ((KafkaMessageDrivenChannelAdapter) adapter).setRecordFilterStrategy(unfollowed);
            }
        };
    }

    @Bean
    Consumer<Message<byte[]>> requestLiveUpdates(LiveStreams streams) {
        return message -> {
            String type = header(message, CloudEventHeaders.TYPE);
            if (type == null || !REQUEST_EVENTS.contains(type)) {
                return;
            }
            // Most events concern no open stream (a replica under intake load hears every filing): decided by the
            // key, the request id, before any parsing.
            String key = header(message, KafkaHeaders.RECEIVED_KEY);
            if (key != null && !streams.mayFollow(key)) {
                return;
            }
            try {
                JsonNode event = EventJson.mapper().readTree(message.getPayload());
                String requestId = text(event, "requestId");
                JsonNode requester = event.get("requester");
                String requesterUserId = requester == null ? null : text(requester, "userId");
                if (requestId == null || requesterUserId == null) {
                    return;
                }
                if (type.equals(STATUS_CHANGED)) {
                    streams.dispatch(new StatusUpdate(
                            requestId,
                            requesterUserId,
                            event.path("sequence").asLong(),
                            text(event, "fromStatus"),
                            text(event, "toStatus"),
                            Instant.parse(text(event, "occurredAt")),
                            text(event, "actor"),
                            text(event, "reason")));
                } else if (type.equals(SUBMITTED)) {
                    // Filing is the timeline's first entry; no RequestStatusChanged announces it.
                    streams.dispatch(new StatusUpdate(
                            requestId,
                            requesterUserId,
                            1,
                            null,
                            "SUBMITTED",
                            Instant.parse(text(event, "occurredAt")),
                            requesterUserId,
                            null));
                } else {
                    // RequestRejected, -Completed, -Withdrawn, -Commented, -Overdue: shown as they are, without an id.
                    streams.dispatchNotice(
                            requestId, requesterUserId, type, new String(message.getPayload(), StandardCharsets.UTF_8));
                }
            } catch (RuntimeException unreadable) {
                // Tolerant: a stream misses what it cannot read; the timeline (and a reconnect) still has it.
                log.warn("Live updates skip a {} they cannot read: {}", type, unreadable.getMessage());
            }
        };
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Spring Cloud Function hands CloudEvents attributes over as {@code ce-type} whatever they travelled as. */
    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value == null && name.startsWith("ce_")) {
            value = message.getHeaders().get("ce-" + name.substring(3));
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
