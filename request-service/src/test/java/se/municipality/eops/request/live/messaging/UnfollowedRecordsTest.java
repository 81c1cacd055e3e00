package se.municipality.eops.request.live.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.CloudEventHeaders;

class UnfollowedRecordsTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final UnfollowedRecords filter =
            new UnfollowedRecords("REQ-FOLLOWED"::equals, Set.of("RequestSubmitted", "RequestStatusChanged"), meters);

    @Test
    void aRecordOfARequestNoStreamFollowsIsDroppedAndCounted() {
        assertThat(filter.filter(record("REQ-OTHER", "RequestStatusChanged"))).isTrue();
        assertThat(meters.get("eops.live.records.skipped").counter().count()).isEqualTo(1);
    }

    @Test
    void aRecordOfAFollowedRequestGoesOnToTheConsumer() {
        assertThat(filter.filter(record("REQ-FOLLOWED", "RequestStatusChanged")))
                .isFalse();
        assertThat(filter.filter(record("REQ-FOLLOWED", "RequestSubmitted"))).isFalse();
        assertThat(meters.get("eops.live.records.skipped").counter().count()).isZero();
    }

    @Test
    void aTypeTheConsumerDoesNotShowIsDroppedEvenWhenFollowed() {
        assertThat(filter.filter(record("REQ-FOLLOWED", "SomethingElse"))).isTrue();
    }

    @Test
    void aRecordWithoutKeyOrTypeIsLeftToTheConsumer() {
        assertThat(filter.filter(new ConsumerRecord<>("eops.request.events", 0, 0, null, (Object) "{}")))
                .isFalse();
    }

    private static ConsumerRecord<Object, Object> record(String key, String type) {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>(
                "eops.request.events",
                0,
                0,
                key.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
