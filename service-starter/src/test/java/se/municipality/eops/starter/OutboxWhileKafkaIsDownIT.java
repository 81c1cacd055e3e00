package se.municipality.eops.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.testkit.InfrastructureInitializer;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TcpProxy;

/**
 * The service's Kafka is down when the request comes: the request still succeeds, the event waits
 * in the document, and it is published once a broker answers on that address.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.function.autodetect=false")
@ContextConfiguration(
        initializers = {InfrastructureInitializer.class, OutboxWhileKafkaIsDownIT.BrokerNotYetThere.class})
class OutboxWhileKafkaIsDownIT {

    /** Stands for the service's Kafka address: closed (Kafka down) until the test opens it. */
    static final TcpProxy kafkaAddress = new TcpProxy(SharedInfrastructure.freePort(), "localhost", sharedBrokerPort());

    static int sharedBrokerPort() {
        String bootstrap = SharedInfrastructure.get().kafkaBootstrap().split(",")[0];
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    static class BrokerNotYetThere implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "kafka-down",
                            Map.of(
                                    "spring.cloud.stream.kafka.binder.brokers",
                                    "localhost:" + kafkaAddress.port(),
                                    // A database of its own: the sweep of another test context, on
                                    // the shared broker, would otherwise publish the waiting event
                                    // and the test would pass without this service's relay.
                                    "spring.mongodb.uri",
                                    SharedInfrastructure.get().mongoUri("eops-starter-kafka-down"))));
        }
    }

    @AfterAll
    static void closeKafkaAddress() {
        kafkaAddress.close();
    }

    @Test
    void requestSucceedsWhileKafkaIsDownAndTheEventIsPublishedWhenItIsBack() {
        String id = "while-down-" + UUID.randomUUID();
        long started = System.nanoTime();
        var response = RestClient.create("http://localhost:" + port)
                .post()
                .uri("/test-aggregates/" + id)
                .retrieve()
                .toBodilessEntity();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // Kafka calls give up after 5 s or more; the request never waits for them.
        assertThat(elapsedMs).as("the request does not wait for Kafka").isLessThan(5_000);
        // Past the sweep's grace period the event is still waiting: nothing has taken it.
        await().pollDelay(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(pendingCount(id)).isEqualTo(1));

        kafkaAddress.open();

        PublishedEvents.get().awaitOne(Topics.REQUEST_EVENTS, "RequestSubmitted", event -> id.equals(event.key()));
        await().untilAsserted(() -> assertThat(pendingCount(id)).isZero());
    }

    private int pendingCount(String id) {
        Document document = mongo.findById(id, Document.class, StarterTestApplication.AGGREGATES);
        return document == null
                ? -1
                : document.getList("pendingEvents", Object.class, List.of()).size();
    }
}
