package se.municipality.eops.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receipt mails per second into the local SMTP server: files a burst of requests as fast as the intake takes them,
 * then watches the mail viewer's JSON list until every receipt is there. The rate runs from the first POST to the
 * last mail, so it is the rate of the whole path as a user of the suite sees it.
 */
final class MailBurst {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MailBurst() {}

    static void run(Suite suite, int requests, Duration limit) throws InterruptedException {
        Intake intake = new Intake(suite, suite.token("anna"));
        int before = mailCount(suite);
        AtomicLong failed = new AtomicLong();
        Semaphore inFlight = new Semaphore(16);
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            inFlight.acquire();
            intake.file().whenComplete((id, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(16);
        double postSeconds = (System.nanoTime() - start) / 1e9;
        long expected = requests - failed.get();
        long deadline = start + limit.toNanos();
        int arrived = 0;
        long lastSeen = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = mailCount(suite) - before;
            if (now != arrived) {
                arrived = now;
                lastSeen = System.nanoTime();
            }
            if (arrived >= expected) {
                break;
            }
            // Polls the mail viewer (it has no push) until every receipt is in or the deadline passes; the
            // interval bounds the error of the burst's duration to 0.1 s.
            Thread.sleep(100);
        }
        double seconds = ((arrived >= expected ? lastSeen : System.nanoTime()) - start) / 1e9;
        suite.record("mail.requests", requests);
        suite.record("mail.failed_posts", failed.get());
        suite.record("mail.post_seconds", postSeconds);
        suite.record("mail.arrived", arrived);
        suite.record("mail.complete", arrived >= expected ? 1 : 0);
        suite.record("mail.seconds", seconds);
        suite.record("mail.per_second", arrived / seconds);
    }

    /** The intake files as the demo user anna; her receipts go here (local-stack's DemoUser). */
    static final String REQUESTER_ADDRESS = "anna.andersson@kommun.example";

    /** How notification-service's receipt subject begins (ReceiptMail). */
    static final String RECEIPT_SUBJECT = "Vi har tagit emot din begäran";

    static int mailCount(Suite suite) {
        try {
            // Only the requester's receipts: every new request also mails the central team's mailbox, and a
            // request that moves on mails its requester again; either would make the count reach the burst's
            // size with receipts still missing.
            int receipts = 0;
            for (var mail : JSON.readTree(Suite.get(suite.mailViewerUrl() + "/api/messages?to=" + REQUESTER_ADDRESS))) {
                if (mail.path("subject").asText().startsWith(RECEIPT_SUBJECT)) {
                    receipts++;
                }
            }
            return receipts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
