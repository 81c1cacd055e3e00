package se.municipality.eops.request.live.application;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import se.municipality.eops.request.live.domain.MyRequestsCursor;
import se.municipality.eops.request.live.domain.RequestTimeline;
import se.municipality.eops.request.live.domain.SequenceGate;
import se.municipality.eops.request.live.domain.StatusUpdate;
import se.municipality.eops.request.live.domain.StoredTimelines;
import se.municipality.eops.request.live.domain.Viewer;
import se.municipality.eops.starter.web.NotFoundException;

/**
 * Opens live streams. Each one is registered (and so hears the topic) before the stored timeline is read, then sent
 * what the client lacks from the database followed by what arrived meanwhile, each timeline entry once.
 */
@Service
public class LiveUpdates {

    private final LiveStreams streams;
    private final StoredTimelines timelines;
    private final LiveProperties properties;

    public LiveUpdates(LiveStreams streams, StoredTimelines timelines, LiveProperties properties) {
        this.streams = streams;
        this.timelines = timelines;
        this.properties = properties;
    }

    /** What the web adapter keeps to end the stream when the client goes away or it times out. */
    public record Opened(Runnable end) {}

    /**
     * A stream of one request's status updates: its requester's (or the central team's), 404 for anyone else. Sends
     * the timeline entries after {@code afterSequence} (all of them when absent), then every new one.
     */
    public Opened followRequest(String requestId, Viewer viewer, Optional<Long> afterSequence, StreamSink sink) {
        timelines
                .ofRequest(requestId)
                .filter(viewer::mayWatch)
                .orElseThrow(() -> new NotFoundException("No request " + requestId + " that you may see."));
        long after = afterSequence.orElse(0L);
        LiveStream stream = new LiveStream(
                LiveStream.Kind.REQUEST, requestId, viewer.personKey(), SequenceGate.after(requestId, after), sink);
        streams.register(stream);
        try {
            // Read after registering: whatever is published from now on reaches the stream, whatever was published
            // before is stored already (a change is stored before its event goes out); the gate drops the overlap.
            List<StatusUpdate> missed =
                    timelines.ofRequest(requestId).map(t -> t.after(after)).orElse(List.of());
            stream.goLive(missed);
        } catch (RuntimeException readFailed) {
            end(stream);
            throw readFailed;
        }
        return new Opened(() -> end(stream));
    }

    /**
     * A stream of every status update of the viewer's own requests. With a cursor (the last event id the client had)
     * it first sends what the client lacks since then; without one it starts with what happens from now on.
     */
    public Opened followMyRequests(Viewer viewer, Optional<MyRequestsCursor> cursor, StreamSink sink) {
        SequenceGate gate =
                cursor.map(c -> SequenceGate.after(c.requestId(), c.sequence())).orElseGet(SequenceGate::empty);
        LiveStream stream = new LiveStream(LiveStream.Kind.MY_REQUESTS, null, viewer.personKey(), gate, sink);
        streams.register(stream);
        try {
            List<StatusUpdate> missed = cursor.map(c ->
                            timelines
                                    .ofRequesterChangedAfter(viewer.userId(), c.resumeFrom(properties.resumeOverlap()))
                                    .stream()
                                    .filter(viewer::mayWatchOwn)
                                    .map(RequestTimeline::updates)
                                    .flatMap(List::stream)
                                    .filter(update -> c.lacks(update, properties.resumeOverlap()))
                                    .toList())
                    .orElse(List.of());
            stream.goLive(missed);
        } catch (RuntimeException readFailed) {
            end(stream);
            throw readFailed;
        }
        return new Opened(() -> end(stream));
    }

    private void end(LiveStream stream) {
        streams.unregister(stream);
        stream.close();
    }
}
