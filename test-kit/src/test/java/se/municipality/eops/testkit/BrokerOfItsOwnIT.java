package se.municipality.eops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.CloudEventHeaders;

/**
 * RawKafka and PublishedEvents given a bootstrap address work without a Spring context, for a broker that is not
 * the shared one (the system tests run theirs as a process); the shared broker stands in for it here.
 */
class BrokerOfItsOwnIT {

    @Test
    void aCaptureOfItsOwnSeesWhatRawKafkaSentToTheSameBroker() {
        String bootstrap = SharedInfrastructure.get().kafkaBootstrap();
        PublishedEvents capture = PublishedEvents.capturing(bootstrap);
        String key = "probe-" + UUID.randomUUID();

        RawKafka.send(
                bootstrap,
                "eops.testkit.probe",
                key,
                "{\"probe\":true}".getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.TYPE, "Probe", CloudEventHeaders.ID, key));

        PublishedEvents.CapturedEvent seen = capture.awaitOne(
                "eops.testkit.probe", "Probe", event -> key.equals(event.key()), Duration.ofSeconds(60));
        assertThat(seen.payload()).isEqualTo("{\"probe\":true}");
        assertThat(seen.id()).isEqualTo(key);
        assertThat(capture.all()).contains(seen);
    }
}
