package se.municipality.eops.request.live.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.request.live.domain.SequenceGate;
import se.municipality.eops.request.live.domain.StatusUpdate;

class LiveStreamTest {

    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    final List<String> sent = new ArrayList<>();
    final StreamSink sink = new StreamSink() {
        @Override
        public void send(String eventId, StatusUpdate update) {
            sent.add(eventId + ":" + update.status());
        }

        @Override
        public void notice(String eventType, String json) {
            sent.add(eventType);
        }

        @Override
        public void heartbeat() {}

        @Override
        public void close() {}
    };

    @Test
    void whatArrivesWhileTheBacklogIsReadIsSentAfterItAndWhatBothBringIsSentOnce() {
        LiveStream stream =
                new LiveStream(LiveStream.Kind.REQUEST, "REQ-1", "anna", SequenceGate.after("REQ-1", 2), sink);

        // Subscribed first: entries 4 and 5 come from the topic while the database is read; 4 is stored already.
        stream.offer(update(4, "WAITING_FOR_REVIEW"));
        stream.offerNotice("RequestCommented", "{}");
        stream.offer(update(5, "REJECTED"));
        assertThat(sent).isEmpty();

        stream.goLive(List.of(update(4, "WAITING_FOR_REVIEW"), update(3, "IN_PROGRESS")));
        stream.offer(update(5, "REJECTED")); // a redelivery
        stream.offer(update(6, "WITHDRAWN"));

        assertThat(sent)
                .containsExactly(
                        "3:IN_PROGRESS", "4:WAITING_FOR_REVIEW", "5:REJECTED", "RequestCommented", "6:WITHDRAWN");
    }

    @Test
    void entriesUpToTheLastEventIdAreNotSentAgain() {
        LiveStream stream =
                new LiveStream(LiveStream.Kind.REQUEST, "REQ-1", "anna", SequenceGate.after("REQ-1", 2), sink);

        stream.goLive(List.of());
        stream.offer(update(2, "IN_PROGRESS"));
        stream.offer(update(3, "COMPLETED"));

        assertThat(sent).containsExactly("3:COMPLETED");
    }

    @Test
    void myRequestsEventIdsNameTimeRequestAndSequence() {
        LiveStream stream = new LiveStream(LiveStream.Kind.MY_REQUESTS, null, "anna", SequenceGate.empty(), sink);

        stream.goLive(List.of());
        stream.offer(update(2, "IN_PROGRESS"));

        assertThat(sent).containsExactly(T0.plusSeconds(2).toEpochMilli() + ".REQ-1.2:IN_PROGRESS");
    }

    @Test
    void aClosedStreamSendsNothing() {
        LiveStream stream = new LiveStream(LiveStream.Kind.REQUEST, "REQ-1", "anna", SequenceGate.empty(), sink);
        stream.goLive(List.of());

        stream.close();
        stream.offer(update(2, "IN_PROGRESS"));

        assertThat(sent).isEmpty();
    }

    static StatusUpdate update(long sequence, String status) {
        return new StatusUpdate(
                "REQ-1", "anna", sequence, null, status, T0.plusSeconds(sequence), "publication-service", null);
    }
}
