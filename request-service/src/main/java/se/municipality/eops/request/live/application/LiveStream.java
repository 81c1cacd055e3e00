package se.municipality.eops.request.live.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import se.municipality.eops.request.live.domain.SequenceGate;
import se.municipality.eops.request.live.domain.StatusUpdate;

/**
 * One open stream. It starts buffering what the topic brings, is then given what the database holds (the backlog),
 * sends the backlog and the buffer through its {@link SequenceGate} and from then on passes live updates straight
 * on: subscribe first, read second, each entry once.
 */
final class LiveStream {

    enum Kind {
        /** One request: event id = the timeline sequence. */
        REQUEST,
        /** Every request of the viewer: event id = a {@link se.municipality.eops.request.live.domain.MyRequestsCursor}. */
        MY_REQUESTS
    }

    private final Kind kind;
    private final String requestId;
    private final String personKey;
    private final StreamSink sink;
    private final SequenceGate gate;
    private List<StatusUpdate> buffered = new ArrayList<>();
    private List<Notice> bufferedNotices = new ArrayList<>();
    private boolean closed;

    record Notice(String eventType, String json) {}

    LiveStream(Kind kind, String requestId, String personKey, SequenceGate gate, StreamSink sink) {
        this.kind = kind;
        this.requestId = requestId;
        this.personKey = personKey;
        this.gate = gate;
        this.sink = sink;
    }

    Kind kind() {
        return kind;
    }

    /** The request a REQUEST stream follows; null for MY_REQUESTS. */
    String requestId() {
        return requestId;
    }

    /** The normalized user id of the person who opened it. */
    String personKey() {
        return personKey;
    }

    synchronized void offer(StatusUpdate update) {
        if (closed) {
            return;
        }
        if (buffered != null) {
            buffered.add(update);
        } else {
            sendIfNew(update);
        }
    }

    synchronized void offerNotice(String eventType, String json) {
        if (closed) {
            return;
        }
        if (bufferedNotices != null) {
            bufferedNotices.add(new Notice(eventType, json));
        } else {
            sink.notice(eventType, json);
        }
    }

    /** Sends what the client missed (oldest first), then what came meanwhile, and goes live. */
    synchronized void goLive(List<StatusUpdate> backlog) {
        if (closed) {
            return;
        }
        // One request: in timeline order. Several: in time order (a request's changes are far apart in time).
        Comparator<StatusUpdate> order = kind == Kind.REQUEST
                ? Comparator.comparingLong(StatusUpdate::sequence)
                : Comparator.comparing(StatusUpdate::occurredAt)
                        .thenComparing(StatusUpdate::requestId)
                        .thenComparingLong(StatusUpdate::sequence);
        backlog.stream().sorted(order).forEach(this::sendIfNew);
        buffered.forEach(this::sendIfNew);
        bufferedNotices.forEach(notice -> sink.notice(notice.eventType(), notice.json()));
        buffered = null;
        bufferedNotices = null;
    }

    synchronized void heartbeat() {
        if (!closed) {
            sink.heartbeat();
        }
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            sink.close();
        }
    }

    private void sendIfNew(StatusUpdate update) {
        if (gate.admit(update)) {
            String eventId = kind == Kind.REQUEST
                    ? Long.toString(update.sequence())
                    : update.cursor().format();
            sink.send(eventId, update);
        }
    }
}
