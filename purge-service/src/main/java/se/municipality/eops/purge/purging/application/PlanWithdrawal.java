package se.municipality.eops.purge.purging.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.PurgeCases;
import se.municipality.eops.purge.purging.domain.Purges;
import se.municipality.eops.starter.concurrency.ConcurrentChanges;

/**
 * A PURGE request was withdrawn, or the central team rejected it: every plan it made that still awaits approval is
 * withdrawn, so no archivist can approve it and its cases are never deleted. Purges already approved, executing or
 * done, expired or failed ones, and test-case purges (carried out at once) stay as they are. Withdrawing again changes
 * nothing, so a redelivered RequestWithdrawn or RequestRejected is harmless also when the starter's record of applied
 * events has not caught it.
 */
@Service
public class PlanWithdrawal {

    /** Rounds of read, withdraw and versioned write before the event goes back to the consumer's retries. */
    static final int ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(PlanWithdrawal.class);

    private final Purges purges;
    private final PurgeCases cases;
    private final Clock clock;

    public PlanWithdrawal(Purges purges, PurgeCases cases, Clock clock) {
        this.purges = purges;
        this.cases = cases;
        this.clock = clock;
    }

    public void withdrawRequest(String requestId, String withdrawnBy) {
        withdrawRequest(requestId, withdrawnBy, Purge.WithdrawalCause.REQUEST_WITHDRAWN);
    }

    /**
     * The same for {@code cause}: a request the central team rejected stops its plans as a withdrawn one does, with
     * the team member as {@code withdrawnBy}.
     */
    public void withdrawRequest(String requestId, String withdrawnBy, Purge.WithdrawalCause cause) {
        List<Purge> made = purges.ofRequest(requestId);
        if (made.isEmpty()) {
            log.info(
                    "Request {} was withdrawn by {} ({}): no purge or plan of it here, nothing to stop",
                    requestId,
                    withdrawnBy,
                    cause);
            return;
        }
        made.forEach(purge -> withdraw(purge, requestId, withdrawnBy, cause));
    }

    private void withdraw(Purge loaded, String requestId, String withdrawnBy, Purge.WithdrawalCause cause) {
        String id = loaded.id();
        Purge[] read = {loaded};
        // What an attempt throws, or the plan changing under every attempt, goes back to the consumer, which retries
        // the event and then dead-letters it.
        ConcurrentChanges.retry("requestId", "the purge plan " + id, ATTEMPTS, () -> {
            Purge purge = read[0] != null
                    ? read[0]
                    : purges.find(id).orElseThrow(() -> new IllegalStateException("purge " + id + " is gone"));
            read[0] = null; // a lost race reads the plan again
            switch (purge.withdraw(requestId, withdrawnBy, cause, clock.instant())) {
                case TOO_LATE ->
                    log.info(
                            "Request {} was withdrawn by {}: purge {} is {}, no longer awaiting approval; it stays so",
                            requestId,
                            withdrawnBy,
                            id,
                            purge.status());
                case ALREADY_WITHDRAWN -> {
                    // A crash may have come between the write and dropping the batches; dropping again is harmless.
                    cases.dropBatches(id);
                    log.info("Request {} was withdrawn: plan {} was withdrawn already", requestId, id);
                }
                case WITHDRAWN -> {
                    // The race with an approval (or the expiry job): each reads the plan, changes it and writes it
                    // with the version it read (Purges.save: OutboxWrites.replace filters on _id and that @Version
                    // value and bumps it), so the first write wins and the other matches nothing. A losing approval
                    // answers 409 changed-meanwhile and never starts the execution; a losing withdrawal reads the
                    // plan again and finds it executing or expired (too late), or withdrawn by a concurrent
                    // delivery of the same event.
                    if (!purges.save(purge)) {
                        return Optional.empty();
                    }
                    // Once withdrawn the plan claims nothing (only open purges' batches do): forget its batches.
                    cases.dropBatches(id);
                    log.info(
                            "Purge plan {} of {} withdrawn with request {} by {} ({}): it will not execute",
                            id,
                            purge.eServiceId(),
                            requestId,
                            withdrawnBy,
                            cause);
                }
            }
            return Optional.of(Boolean.TRUE);
        });
    }
}
