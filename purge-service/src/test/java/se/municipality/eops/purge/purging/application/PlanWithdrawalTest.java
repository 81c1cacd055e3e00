package se.municipality.eops.purge.purging.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.municipality.eops.purge.purging.domain.Preview;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.PurgeCases;
import se.municipality.eops.purge.purging.domain.PurgeStatus;
import se.municipality.eops.purge.purging.domain.Purges;
import se.municipality.eops.purge.purging.domain.RuleApplied;

/** Withdrawing a request's plans against a store that writes versioned, as the purge documents are written. */
class PlanWithdrawalTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final String REQUEST = "REQ-1";

    private final VersionedPurges purges = new VersionedPurges();
    private final PurgeCases cases = mock(PurgeCases.class);
    private final PlanWithdrawal withdrawal =
            new PlanWithdrawal(purges, cases, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));

    @Test
    void everyPlanOfTheRequestAwaitingApprovalIsWithdrawnAndForgetsItsBatchesAndAnApprovedOneGoesOn() {
        purges.store(plan("plan-" + REQUEST + "-rule-1"));
        Purge approved = plan("plan-" + REQUEST + "-rule-2");
        approved.approve("astrid", NOW.plusSeconds(30));
        purges.store(approved);

        withdrawal.withdrawRequest(REQUEST, "anna");

        Purge withdrawn = purges.find("plan-" + REQUEST + "-rule-1").orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(PurgeStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnBy()).isEqualTo("anna");
        assertThat(withdrawn.withdrawnAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(purges.find("plan-" + REQUEST + "-rule-2").orElseThrow().status())
                .isEqualTo(PurgeStatus.EXECUTING);
        verify(cases).dropBatches("plan-" + REQUEST + "-rule-1");
        verify(cases, never()).dropBatches("plan-" + REQUEST + "-rule-2");
    }

    @Test
    void aWithdrawalThatLosesTheRaceToAnApprovalReadsThePlanAgainAndLeavesItExecuting() {
        String planId = "plan-" + REQUEST + "-rule-1";
        purges.store(plan(planId));
        // The archivist's approval is written between the withdrawal's read and its write.
        purges.beforeNextSave(() -> {
            Purge read = purges.find(planId).orElseThrow();
            read.approve("astrid", NOW.plusSeconds(59));
            assertThat(purges.save(read)).isTrue();
        });

        withdrawal.withdrawRequest(REQUEST, "anna");

        Purge stored = purges.find(planId).orElseThrow();
        assertThat(stored.status()).isEqualTo(PurgeStatus.EXECUTING);
        assertThat(stored.approvedBy()).isEqualTo("astrid");
        assertThat(stored.withdrawnBy()).isNull();
        assertThat(purges.refusedSaves).isEqualTo(1);
        verify(cases, never()).dropBatches(anyString());
    }

    @Test
    void theSameWithdrawalAgainWritesNothing() {
        String planId = "plan-" + REQUEST + "-rule-1";
        purges.store(plan(planId));
        withdrawal.withdrawRequest(REQUEST, "anna");
        long version = purges.find(planId).orElseThrow().version();
        int saves = purges.saves;

        withdrawal.withdrawRequest(REQUEST, "anna");

        assertThat(purges.saves).isEqualTo(saves);
        assertThat(purges.find(planId).orElseThrow().version()).isEqualTo(version);
        assertThat(purges.find(planId).orElseThrow().withdrawnAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aRequestWithNoPurgeHereChangesNothing() {
        purges.store(plan("plan-REQ-other-rule-1"));

        withdrawal.withdrawRequest(REQUEST, "anna");

        assertThat(purges.saves).isZero();
        assertThat(purges.find("plan-REQ-other-rule-1").orElseThrow().status())
                .isEqualTo(PurgeStatus.AWAITING_APPROVAL);
        verify(cases, never()).dropBatches(anyString());
    }

    private static Purge plan(String id) {
        String requestId = id.substring("plan-".length(), id.lastIndexOf("-rule-"));
        return Purge.plan(
                id,
                "es-1",
                requestId,
                new RuleApplied(
                        "rule-1", 1, "Tekniska nämnden", "1.1", "TN 2024/118", "2024-05-21", "P2Y", "CLOSED", null),
                new Preview(
                        "rule-1", 1, NOW.minus(Duration.ofDays(900)), NOW.minus(Duration.ofDays(900)), List.of(), NOW),
                1,
                "arvid",
                NOW,
                Duration.ofDays(14));
    }

    /**
     * Keeps a copy of each purge with a version, and stores a change only over the version it was read at: what
     * MongoPurges' versioned replace does.
     */
    private static final class VersionedPurges implements Purges {

        private final Map<String, Purge> stored = new LinkedHashMap<>();
        private Runnable beforeNextSave;
        int saves;
        int refusedSaves;

        void store(Purge purge) {
            purge.saved(purge.version() == null ? 1 : purge.version() + 1);
            stored.put(purge.id(), copy(purge));
        }

        void beforeNextSave(Runnable concurrentWrite) {
            beforeNextSave = concurrentWrite;
        }

        @Override
        public boolean save(Purge purge) {
            if (beforeNextSave != null) {
                Runnable concurrentWrite = beforeNextSave;
                beforeNextSave = null;
                concurrentWrite.run();
            }
            Purge current = stored.get(purge.id());
            if (current == null || !current.version().equals(purge.version())) {
                refusedSaves++;
                return false;
            }
            saves++;
            store(purge);
            return true;
        }

        @Override
        public Optional<Purge> find(String id) {
            return Optional.ofNullable(stored.get(id)).map(VersionedPurges::copy);
        }

        @Override
        public List<Purge> ofRequest(String requestId) {
            List<Purge> found = new ArrayList<>();
            stored.values().stream()
                    .filter(purge -> requestId.equals(purge.requestId()))
                    .forEach(purge -> found.add(copy(purge)));
            return found;
        }

        @Override
        public boolean insert(Purge purge) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> openIds(String eServiceId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Purge> withStatus(PurgeStatus status) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Purge> awaitingApprovalExpiredAt(Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Purge> withAcknowledgementsDueBy(Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Purge> recent(int limit) {
            throw new UnsupportedOperationException();
        }

        private static Purge copy(Purge purge) {
            return new Purge(
                    purge.id(),
                    purge.reason(),
                    purge.eServiceId(),
                    purge.requestId(),
                    purge.reviewId(),
                    purge.rule(),
                    purge.preview(),
                    purge.createdBy(),
                    purge.createdAt(),
                    purge.expiresAt(),
                    purge.batchCount(),
                    purge.status(),
                    purge.approvedBy(),
                    purge.approvedAt(),
                    purge.startedAt(),
                    purge.finishedAt(),
                    purge.purgedCount(),
                    purge.heldBackAtExecution(),
                    purge.deletedByPlatform(),
                    purge.batches(),
                    purge.deleting(),
                    purge.failure(),
                    purge.withdrawnBy(),
                    purge.withdrawnAt(),
                    purge.withdrawnBecause(),
                    purge.version());
        }
    }
}
