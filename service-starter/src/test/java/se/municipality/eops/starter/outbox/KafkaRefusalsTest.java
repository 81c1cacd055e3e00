package se.municipality.eops.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.GenericMessage;

class KafkaRefusalsTest {

    private static final GenericMessage<String> MESSAGE = new GenericMessage<>("event");

    @Test
    void findsARefusalOfTheRecordHoweverDeeplyTheBinderWrappedIt() {
        RecordTooLargeException tooLarge = new RecordTooLargeException("The message is 1201027 bytes");
        RuntimeException wrapped = new MessageDeliveryException(
                MESSAGE, new MessageHandlingException(MESSAGE, new ExecutionException(new RuntimeException(tooLarge))));

        assertThat(KafkaRefusals.permanentCause(wrapped)).contains(tooLarge);
        assertThat(KafkaRefusals.permanentCause(new InvalidTopicException("bad name")))
                .isPresent();
    }

    @Test
    void leavesTroubleThatPassesToRetries() {
        assertThat(KafkaRefusals.permanentCause(
                        new MessageHandlingException(MESSAGE, new ExecutionException(new TimeoutException("expired")))))
                .isEmpty();
        assertThat(KafkaRefusals.permanentCause(new NetworkException("connection lost")))
                .isEmpty();
        assertThat(KafkaRefusals.permanentCause(new IllegalStateException("Kafka did not accept event")))
                .isEmpty();
    }

    @Test
    void describesTheRefusalBriefly() {
        assertThat(KafkaRefusals.describe(new RecordTooLargeException("x".repeat(5_000))))
                .startsWith("RecordTooLargeException: xxx")
                .hasSize(1_000);
    }
}
