package se.municipality.eops.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

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
        long wallStart = System.currentTimeMillis();
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
        stages(suite, wallStart);
    }

    /**
     * The burst seen from notification-service's database: how fast its consumer recorded the notifications
     * ({@code createdAt}) and its senders had them accepted ({@code sentAt}), the receipts and all of them (every
     * request also mails the central team, and its status changes mail the requester again).
     */
    static void stages(Suite suite, long wallStart) {
        try (MongoClient client = MongoClients.create(suite.mongoUri())) {
            var notifications = client.getDatabase("eops-notification").getCollection("notifications");
            for (String which : new String[] {"receipts", "all"}) {
                var filter = Filters.gte("createdAt", new Date(wallStart));
                if (which.equals("receipts")) {
                    filter = Filters.and(filter, Filters.eq("template", "request-received"));
                }
                long count = 0;
                long firstCreated = Long.MAX_VALUE, lastCreated = 0, lastSent = 0, sentCount = 0;
                for (Document document :
                        notifications.find(filter).projection(new Document("createdAt", 1).append("sentAt", 1))) {
                    count++;
                    long created = ((Date) document.get("createdAt")).getTime();
                    firstCreated = Math.min(firstCreated, created);
                    lastCreated = Math.max(lastCreated, created);
                    if (document.get("sentAt") instanceof Date sent) {
                        sentCount++;
                        lastSent = Math.max(lastSent, sent.getTime());
                    }
                }
                double recordedSeconds = Math.max(1, lastCreated - wallStart) / 1000.0;
                double sentSeconds = Math.max(1, lastSent - wallStart) / 1000.0;
                System.out.printf(
                        "  %s: %d recorded by %.1f s after the first POST (%.1f/s), %d sent by %.1f s (%.1f/s)%n",
                        which,
                        count,
                        recordedSeconds,
                        count / recordedSeconds,
                        sentCount,
                        sentSeconds,
                        sentCount / sentSeconds);
                suite.record("mail.stage." + which + ".recorded", count);
                suite.record("mail.stage." + which + ".recorded_per_second", count / recordedSeconds);
                suite.record("mail.stage." + which + ".sent", sentCount);
                suite.record("mail.stage." + which + ".sent_per_second", sentCount / sentSeconds);
            }
        } catch (RuntimeException unreadable) {
            System.out.println("  cannot read notification-service's notifications: " + unreadable);
        }
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
