package se.municipality.eops.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.systemtests.Suite;
import se.municipality.eops.systemtests.SystemTest;
import se.municipality.eops.testkit.HttpAnswer;

/**
 * The Kafka broker stopped for 30 s while requests keep coming in: every request is accepted (its events wait in
 * the service's outbox), and once the broker is back every flow finishes, once.
 */
@SystemTest
class KafkaOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** A new request is filed this often during the outage. */
    private static final Duration FILING_EVERY = Duration.ofSeconds(5);

    private final Suite suite = Suite.get();
    private final FaultFlows flows = new FaultFlows(suite);

    @Test
    void requestsAreAcceptedDuringTheOutageAndEveryFlowFinishesOnceAfterIt() {
        int mark = flows.mailMark();
        // In progress when the broker goes: a new e-service waiting for its review, a grant waiting for training.
        NewEServiceFlow waiting =
                NewEServiceFlow.withCases(flows, "es-kafka-before").file().awaitReview();
        AdministratorGrantFlow grant =
                AdministratorGrantFlow.file(flows, "kafka").awaitTraining();
        flows.awaitCasesIndexed();

        List<NewEServiceFlow> filedDuringOutage = new ArrayList<>();
        suite.stopKafka();
        Instant outageEnds = Instant.now().plus(OUTAGE);
        try {
            // People go on working: the reviewers approve, the team records the training, requests keep coming.
            flows.approveReview(waiting.reviewId); // its cases were indexed before the broker went
            grant.recordTraining();
            do {
                String eServiceId = FaultFlows.unique("es-kafka-during");
                HttpAnswer answer = flows.fileNewEServiceAnswer(eServiceId);
                assertThat(suite.kafkaRunning()).as("Kafka still down").isFalse();
                assertThat(answer.status())
                        .as("filing while Kafka is down: %s", answer.body())
                        .isEqualTo(201);
                filedDuringOutage.add(NewEServiceFlow.filed(
                        flows, eServiceId, answer.json().get("id").asString()));
                Instant next = Instant.now().plus(FILING_EVERY);
                Instant until = next.isBefore(outageEnds) ? next : outageEnds;
                await("the next filing")
                        .atMost(FILING_EVERY.plusSeconds(5))
                        .until(() -> !Instant.now().isBefore(until));
            } while (Instant.now().isBefore(outageEnds));
        } finally {
            suite.startKafka();
        }
        assertThat(filedDuringOutage).hasSizeGreaterThanOrEqualTo(4);

        filedDuringOutage.forEach(flow -> flow.awaitReview().approve());
        List<FaultFlows.ExpectedMails> mails = new ArrayList<>();
        List<NewEServiceFlow> all = new ArrayList<>(filedDuringOutage);
        all.add(0, waiting);
        for (NewEServiceFlow flow : all) {
            flow.assertCompletedOnce();
            mails.addAll(flow.expectedMails());
        }
        grant.assertCompletedOnce();
        mails.addAll(grant.expectedMails());
        flows.awaitMails(mails);
        flows.assertNoMailTwiceSince(mark);
    }
}
