package se.municipality.eops.systemtests.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.systemtests.Suite;
import se.municipality.eops.systemtests.SystemTest;

/**
 * The SMTP server stopped for 60 s while flows go on: they finish without it, their mails wait, and once the
 * server is back every mail arrives, exactly once.
 */
@SystemTest
class SmtpOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);

    private final Suite suite = Suite.get();
    private final FaultFlows flows = new FaultFlows(suite);

    @Test
    void everyMailOfTheOutageArrivesOnceWhenTheMailServerIsBack() {
        int mark = flows.mailMark();
        NewEServiceFlow waiting =
                NewEServiceFlow.withCases(flows, "es-smtp-before").file().awaitReview();
        List<NewEServiceFlow> all = new ArrayList<>(List.of(waiting));
        AdministratorGrantFlow grant;
        suite.stopSmtp();
        Instant outageEnds = Instant.now().plus(OUTAGE);
        try {
            waiting.approve();
            grant = AdministratorGrantFlow.file(flows, "smtp").awaitTraining().recordTraining();
            all.add(NewEServiceFlow.withCases(flows, "es-smtp-during")
                    .file()
                    .awaitReview()
                    .approve());
            // The flows finish without mail.
            all.forEach(NewEServiceFlow::assertCompletedOnce);
            grant.assertCompletedOnce();
            await("the end of the outage")
                    .atMost(OUTAGE.plusSeconds(5))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> !Instant.now().isBefore(outageEnds));
        } finally {
            suite.startSmtp();
        }
        List<FaultFlows.ExpectedMails> mails = new ArrayList<>();
        all.forEach(flow -> mails.addAll(flow.expectedMails()));
        mails.addAll(grant.expectedMails());
        flows.awaitMails(mails);
        flows.assertNoMailTwiceSince(mark);
    }
}
