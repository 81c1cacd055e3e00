package se.municipality.eops.request.live.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.request.live.domain.StatusUpdate;

/**
 * The streams open on this replica, found by request id and by requester, within the bounds per person and per
 * replica. Keeps idle streams alive with a heartbeat. Metrics: {@code eops.live.streams.open} (by kind),
 * {@code eops.live.events.pushed}, {@code eops.live.streams.refused}.
 */
@Component
public class LiveStreams implements DisposableBean {

    private final LiveProperties properties;
    private final Map<String, Set<LiveStream>> byRequest = new ConcurrentHashMap<>();
    private final Map<String, Set<LiveStream>> byPerson = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> openPerPerson = new ConcurrentHashMap<>();
    private final Set<LiveStream> all = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final Counter pushed;
    private final Counter refused;
    private final ScheduledExecutorService heartbeats;

    public LiveStreams(LiveProperties properties, MeterRegistry meters) {
        this.properties = properties;
        for (LiveStream.Kind kind : LiveStream.Kind.values()) {
            Gauge.builder(
                            "eops.live.streams.open",
                            all,
                            streams -> streams.stream()
                                    .filter(stream -> stream.kind() == kind)
                                    .count())
                    .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .description("Server-Sent Events streams open on this replica")
                    .register(meters);
        }
        this.pushed = Counter.builder("eops.live.events.pushed")
                .description("Status updates written to open streams")
                .register(meters);
        this.refused = Counter.builder("eops.live.streams.refused")
                .description("Streams refused because a person or the replica had as many open as allowed")
                .register(meters);
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(() -> all.forEach(LiveStream::heartbeat), every, every, TimeUnit.MILLISECONDS);
    }

    /** Adds a stream, or throws {@link TooManyStreamsException} when its person or the replica is at the bound. */
    void register(LiveStream stream) {
        if (open.incrementAndGet() > properties.maxStreamsPerReplica()) {
            open.decrementAndGet();
            refused.increment();
            throw new TooManyStreamsException("This server has as many live streams open as it allows ("
                    + properties.maxStreamsPerReplica() + "); try again in a moment.");
        }
        AtomicInteger mine = openPerPerson.computeIfAbsent(stream.personKey(), key -> new AtomicInteger());
        if (mine.incrementAndGet() > properties.maxStreamsPerUser()) {
            mine.decrementAndGet();
            open.decrementAndGet();
            refused.increment();
            throw new TooManyStreamsException("You have " + properties.maxStreamsPerUser()
                    + " live streams open, as many as allowed; close one first.");
        }
        all.add(stream);
        if (stream.kind() == LiveStream.Kind.REQUEST) {
            byRequest
                    .computeIfAbsent(stream.requestId(), key -> ConcurrentHashMap.newKeySet())
                    .add(stream);
        } else {
            byPerson.computeIfAbsent(stream.personKey(), key -> ConcurrentHashMap.newKeySet())
                    .add(stream);
        }
    }

    /** Removes a stream that ended (completed, timed out, failed); a second call does nothing. */
    void unregister(LiveStream stream) {
        if (!all.remove(stream)) {
            return;
        }
        open.decrementAndGet();
        openPerPerson.computeIfPresent(stream.personKey(), (key, count) -> count.decrementAndGet() <= 0 ? null : count);
        if (stream.kind() == LiveStream.Kind.REQUEST) {
            byRequest.computeIfPresent(stream.requestId(), (key, streams) -> {
                streams.remove(stream);
                return streams.isEmpty() ? null : streams;
            });
        } else {
            byPerson.computeIfPresent(stream.personKey(), (key, streams) -> {
                streams.remove(stream);
                return streams.isEmpty() ? null : streams;
            });
        }
    }

    /** Hands a status update to every stream on this replica that follows its request or its requester. */
    public void dispatch(StatusUpdate update) {
        for (LiveStream stream : following(update.requestId(), update.requesterUserId())) {
            stream.offer(update);
        }
    }

    /** Hands another request event (no timeline entry) to the same streams. */
    public void dispatchNotice(String requestId, String requesterUserId, String eventType, String json) {
        for (LiveStream stream : following(requestId, requesterUserId)) {
            stream.offerNotice(eventType, json);
        }
    }

    /**
     * Whether any stream on this replica may want an event about the request: one follows it, or someone follows
     * their own requests (whose they are the event tells). False lets the consumer skip the event unread.
     */
    public boolean mayFollow(String requestId) {
        return !byPerson.isEmpty() || byRequest.containsKey(requestId);
    }

    /** Counts an update a sink wrote to its client. */
    public void countPushed() {
        pushed.increment();
    }

    int openStreams() {
        return open.get();
    }

    private Set<LiveStream> following(String requestId, String requesterUserId) {
        Set<LiveStream> streams = ConcurrentHashMap.newKeySet();
        streams.addAll(byRequest.getOrDefault(requestId, Set.of()));
        if (requesterUserId != null && !requesterUserId.isBlank()) {
            streams.addAll(byPerson.getOrDefault(PersonIds.normalize(requesterUserId), Set.of()));
        }
        return streams;
    }

    /** Ends every stream at shutdown, so clients reconnect to another replica at once. */
    @Override
    public void destroy() {
        heartbeats.shutdownNow();
        all.forEach(LiveStream::close);
    }
}
