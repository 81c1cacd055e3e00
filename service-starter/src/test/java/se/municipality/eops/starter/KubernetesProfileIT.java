package se.municipality.eops.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.InfrastructureInitializer;
import se.municipality.eops.testkit.TestHttp;

/**
 * A service started with the {@code kubernetes} profile, as its pods are: the profile's settings
 * apply over the shared defaults, and readiness waits for MongoDB, checked with a command that the
 * test kit's MongoDB-protocol server answers as real MongoDB does.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Its own database and no consumers, so it takes no work from the other test contexts.
            "spring.cloud.stream.function.autodetect=false",
            "spring.cloud.function.definition=",
            "eops.database-name=eops-starter-kubernetes",
            "eops.outbox.collections="
        })
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@ActiveProfiles("kubernetes")
class KubernetesProfileIT {

    @LocalServerPort
    int port;

    @Test
    void readinessIncludesMongoDbAndReportsUp() {
        HttpAnswer readiness = TestHttp.at(port).get("/actuator/health/readiness/mongo", null);

        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void readinessAsAWholeIsUp() {
        HttpAnswer readiness = TestHttp.at(port).get("/actuator/health/readiness", null);

        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
    }
}
