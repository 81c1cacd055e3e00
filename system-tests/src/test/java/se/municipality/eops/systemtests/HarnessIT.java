package se.municipality.eops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.municipality.eops.testkit.HttpAnswer;

/**
 * The harness itself: five services as processes, real tokens, mails and events; a service killed with
 * {@code kill -9} and restarted, a second replica, the SMTP server and the Kafka broker taken away for real and
 * brought back. The fault tests build on exactly these.
 */
@SystemTest
class HarnessIT {

    private final Suite suite = Suite.get();

    @Test
    void everyServiceRunsAsItsOwnProcessAndAnswersARealToken() {
        for (Service service : Service.values()) {
            ServiceProcess process = suite.service(service);
            assertThat(process.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(ProcessHandle.of(process.pid())).isPresent();
            assertThat(suite.http(service)
                            .get("/actuator/health/readiness", null)
                            .status())
                    .isEqualTo(200);
        }
        assertThat(suite.http(Service.REQUEST).get("/api/requests", null).status())
                .isEqualTo(401);
        assertThat(suite.http(Service.REQUEST)
                        .get("/api/requests", suite.token("anna"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aFiledRequestIsOnKafkaAndItsReceiptInTheMailbox() {
        String id = fileTestCasePurge();
        awaitSubmitted(id, 60);
        suite.mail()
                .awaitMailTo(
                        "anna.andersson@kommun.example",
                        mail -> MailServer.subject(mail).contains(id));
    }

    @Test
    void aServiceKilledWithSigkillIsGoneAndARestartBringsItBackOnItsPort() {
        ServiceProcess notification = suite.service(Service.NOTIFICATION);
        long before = notification.pid();

        suite.kill9(Service.NOTIFICATION);
        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(KafkaBroker.portOpen(notification.port())).isFalse();

        suite.restart(Service.NOTIFICATION);
        assertThat(notification.pid()).isNotEqualTo(before);
        assertThat(notification.http().get("/actuator/health/readiness", null).status())
                .isEqualTo(200);
    }

    @Test
    void aSecondReplicaRunsBesideTheFirstUntilStopped() {
        ServiceProcess second = suite.startSecondReplica(Service.PURGE);
        try {
            assertThat(second.port()).isNotEqualTo(suite.service(Service.PURGE).port());
            assertThat(second.http().get("/actuator/health/readiness", null).status())
                    .isEqualTo(200);
        } finally {
            second.stop();
        }
        assertThat(second.isAlive()).isFalse();
    }

    @Test
    void theMailServerStopsForRealAndMailWaitsUntilItIsBack() {
        suite.stopSmtp();
        String id;
        try {
            assertThat(KafkaBroker.portOpen(suite.mail().port())).isFalse();
            id = fileTestCasePurge();
            awaitSubmitted(id, 60);
        } finally {
            suite.startSmtp();
        }
        // The receipt: once, although the server was away when it was first due.
        suite.mail()
                .awaitExactly(
                        "anna.andersson@kommun.example",
                        mail -> MailServer.subject(mail).contains("Vi har tagit emot din begäran")
                                && MailServer.subject(mail).contains(id),
                        1);
    }

    @Test
    void theBrokerStopsForRealAndComesBackWithItsData() {
        String before = fileTestCasePurge();
        awaitSubmitted(before, 60);

        suite.stopKafka();
        String during;
        try {
            assertThat(suite.kafkaRunning()).isFalse();
            // Accepted while Kafka is away: the event waits in request-service's outbox.
            during = fileTestCasePurge();
        } finally {
            suite.startKafka();
        }
        awaitSubmitted(during, 120);
    }

    private void awaitSubmitted(String requestId, int seconds) {
        suite.events()
                .awaitOne(
                        "eops.request.events",
                        "RequestSubmitted",
                        event -> requestId.equals(event.key()),
                        Duration.ofSeconds(seconds));
    }

    private String fileTestCasePurge() {
        String eService = "es-h-" + UUID.randomUUID().toString().substring(0, 8);
        HttpAnswer answer =
                suite.http(Service.REQUEST).post("/api/requests", suite.token("anna"), """
                        {"type":"PURGE","purge":{"kind":"TEST_CASES","eServiceId":"%s","eServiceName":"Harnesstjänst"}}
                        """.formatted(eService));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }
}
