package se.municipality.eops.request.sla.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.PurgeRequest.PurgeKind;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;
import se.municipality.eops.request.filing.domain.Lifecycle;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.RequestPage;
import se.municipality.eops.request.filing.domain.RequestSearch;
import se.municipality.eops.request.filing.domain.RequestStatus;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.ServiceRequests;
import se.municipality.eops.request.lifecycle.application.RequestChanges;

/** The SLA pass ends even when the store keeps finding requests that are not late by their own account. */
class OverdueRequestsTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void aFullBatchOfRequestsThatCannotBeMarkedEndsThePass() {
        // Found by the query (as a request stored before statusSince was kept may be) but in their status only
        // since now: markOverdueIfLate marks none, and the store finds the same ones every round.
        List<ServiceRequest> notLate = IntStream.range(0, OverdueRequests.BATCH)
                .mapToObj(i -> request("REQ-" + i))
                .toList();
        Store store = new Store(notLate);
        OverdueRequests overdue = new OverdueRequests(
                store,
                new RequestChanges(store),
                new SlaProperties(Map.of(RequestStatus.SUBMITTED, Duration.ofDays(2)), null),
                Clock.fixed(NOW, ZoneOffset.UTC));

        int marked = assertTimeoutPreemptively(Duration.ofSeconds(10), overdue::markOverdue);

        assertThat(marked).isZero();
        assertThat(store.rounds).isEqualTo(1);
    }

    private static ServiceRequest request(String id) {
        return ServiceRequest.restore(
                id,
                new Requester(
                        "anna",
                        "Anna Andersson",
                        "anna.andersson@kommun.example",
                        RequesterRole.ESERVICE_ADMINISTRATOR),
                RequestDetails.purge(new PurgeRequest(PurgeKind.TEST_CASES, "es-1", "Parkering", null, null, null)),
                NOW.minus(Duration.ofDays(10)),
                RequestStatus.SUBMITTED,
                List.of(),
                1L,
                new Lifecycle(0, NOW, null, false, null, null));
    }

    /** Finds the same requests late every time; stores nothing. */
    private static final class Store implements ServiceRequests {

        private final List<ServiceRequest> late;
        int rounds;

        Store(List<ServiceRequest> late) {
            this.late = late;
        }

        @Override
        public List<ServiceRequest> findLateInStatus(RequestStatus status, Instant enteredBefore, int limit) {
            rounds++;
            return late;
        }

        @Override
        public Optional<ServiceRequest> findById(String id) {
            return late.stream().filter(request -> request.id().equals(id)).findFirst();
        }

        @Override
        public UpdateOutcome update(ServiceRequest request, String appliedKey) {
            throw new AssertionError("nothing is late: nothing to store");
        }

        @Override
        public AddOutcome add(ServiceRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean releaseSubjectOfEnded(ServiceRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ServiceRequest> findByRequester(String userId, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RequestPage search(RequestSearch search) {
            throw new UnsupportedOperationException();
        }
    }
}
