package se.municipality.eops.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;

/**
 * Receipts are sent by several consumer threads, each owning its own partitions of the request
 * topic: one thread sending one mail at a time cannot keep up with a busy day.
 */
@ServiceIntegrationTest
class ReceiptConsumerThreadsIT {

    private static final String GROUP = "notification-service";

    @Test
    void threeThreadsShareTheThreePartitionsOfTheRequestTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().kafkaBootstrap()))) {
            int partitions = admin.describeTopics(List.of(Topics.REQUEST_EVENTS))
                    .allTopicNames()
                    .get()
                    .get(Topics.REQUEST_EVENTS)
                    .partitions()
                    .size();
            assertThat(partitions).isEqualTo(3);

            // Each member of the group is one consumer thread; each holds one partition.
            List<List<TopicPartition>> assignments = await().atMost(Duration.ofSeconds(30))
                    .until(() -> requestTopicAssignments(admin), held -> held.size() == 3);
            assertThat(assignments).allSatisfy(held -> assertThat(held).hasSize(1));
        }
    }

    /** The request-topic partitions each member of the group holds, for the members holding any. */
    private static List<List<TopicPartition>> requestTopicAssignments(Admin admin) throws Exception {
        ConsumerGroupDescription group =
                admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
        return group.members().stream()
                .map(MemberDescription::assignment)
                .map(assignment -> assignment.topicPartitions().stream()
                        .filter(partition -> partition.topic().equals(Topics.REQUEST_EVENTS))
                        .toList())
                .filter(held -> !held.isEmpty())
                .toList();
    }
}
