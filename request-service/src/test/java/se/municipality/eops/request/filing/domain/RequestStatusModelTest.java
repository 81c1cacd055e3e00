package se.municipality.eops.request.filing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.PurgeRequest.PurgeKind;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;

class RequestStatusModelTest {

    static final Requester ANNA = new Requester(
            "anna", "Anna Andersson", "anna.andersson@kommun.example", RequesterRole.ESERVICE_ADMINISTRATOR);
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void completedRejectedWithdrawnAndFailedAreTheTerminalStatuses() {
        assertThat(Arrays.stream(RequestStatus.values()).filter(RequestStatus::terminal))
                .containsExactlyInAnyOrder(
                        RequestStatus.COMPLETED, RequestStatus.REJECTED, RequestStatus.WITHDRAWN, RequestStatus.FAILED);
        assertThat(Arrays.stream(RequestStatus.values()).filter(RequestStatus::open))
                .containsExactlyInAnyOrder(
                        RequestStatus.SUBMITTED,
                        RequestStatus.IN_PROGRESS,
                        RequestStatus.WAITING_FOR_REVIEW,
                        RequestStatus.WAITING_FOR_TRAINING,
                        RequestStatus.WAITING_FOR_PURGE_APPROVAL);
    }

    @Test
    void theFirstEntryIsNumberOneAndNamesTheEventThatAnnouncedTheFiling() {
        ServiceRequest request = ServiceRequest.file("REQ-1", ANNA, RequestDetails.purge(testCases()), NOW);

        RequestSubmitted submitted = (RequestSubmitted) request.newEvents().get(0);
        assertThat(request.timeline()).singleElement().satisfies(entry -> {
            assertThat(entry.sequence()).isEqualTo(1);
            assertThat(entry.kind()).isEqualTo(TimelineEntry.Kind.STATUS_CHANGED);
            assertThat(entry.status()).isEqualTo(RequestStatus.SUBMITTED);
            assertThat(entry.actor()).isEqualTo("anna");
            assertThat(entry.causeEventType()).isEqualTo("RequestSubmitted");
            assertThat(entry.causeEventId()).isEqualTo(submitted.eventId().toString());
        });
    }

    @Test
    void entriesStoredBeforeTheyHadASequenceOrAKindReadAsTheirPositionAndAsStatusChanges() {
        // What a request stored before the status model reads as: no sequence (0), no kind.
        List<TimelineEntry> stored = List.of(
                new TimelineEntry(0, NOW, null, RequestStatus.SUBMITTED, "anna", null, null, null, null),
                new TimelineEntry(0, NOW.plusSeconds(1), null, RequestStatus.IN_PROGRESS, "x", null, null, null, null));

        ServiceRequest request = ServiceRequest.restore(
                "REQ-1", ANNA, RequestDetails.purge(testCases()), NOW, RequestStatus.IN_PROGRESS, stored, 3L);

        assertThat(request.timeline()).extracting(TimelineEntry::sequence).containsExactly(1, 2);
        assertThat(request.timeline()).extracting(TimelineEntry::kind).containsOnly(TimelineEntry.Kind.STATUS_CHANGED);
    }

    private static PurgeRequest testCases() {
        return new PurgeRequest(PurgeKind.TEST_CASES, "es-1", "Parkering", null, null, null);
    }
}
