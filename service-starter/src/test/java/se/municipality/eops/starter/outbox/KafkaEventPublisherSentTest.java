package se.municipality.eops.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;

class KafkaEventPublisherSentTest {

    /**
     * A send that fails with the message it stood for (the binder could not create the topic's producer binding while
     * Kafka was away) can be logged: the future is a header of that message, so naming the failure in its text
     * overflowed the stack of the relay's thread.
     */
    @Test
    void aSendThatFailedWithItsOwnMessageCanBeWrittenAsText() {
        KafkaEventPublisher.Sent sent = new KafkaEventPublisher.Sent();
        Message<byte[]> message = MessageBuilder.withPayload(new byte[] {1})
                .setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN, sent)
                .build();
        MessagingException failure = new MessagingException(message, "Failed to create producer binding");
        sent.completeExceptionally(failure);

        assertThat(sent.toString()).contains("failed").hasSizeLessThan(100);
        assertThat(failure.toString()).contains("Failed to create producer binding", "failed");
    }
}
