package se.municipality.eops.permission.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.grant.domain.Trainings;
import se.municipality.eops.permission.group.domain.HandlerGroups;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

/** The demo data (off in tests) seeded on request, twice, as two starts of ./run.sh would. */
@ServiceIntegrationTest
class DemoDataIT {

    @LocalServerPort
    int port;

    @Autowired
    Grants grants;

    @Autowired
    Trainings trainings;

    @Autowired
    HandlerGroups groups;

    @Autowired
    MovableClock clock;

    final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();

    @Test
    void annaAdministersTheDemoEServicesAndNilsHandlesEs1001AndASecondStartSeedsNothingTwice() {
        DemoData demo = new DemoData(grants, trainings, groups, clock);

        demo.run(null);
        demo.run(null);

        for (String eServiceId : DemoData.E_SERVICES) {
            assertThat(allowed("anna", "ADMINISTRATOR", eServiceId)).isTrue();
        }
        assertThat(allowed("nils", "CASE_HANDLER", "es-1001")).isTrue();
        assertThat(allowed("nils", "CASE_HANDLER", "es-1002")).isFalse();
        PublishedEvents.get()
                .awaitOne(
                        Topics.PERMISSION_EVENTS, "PermissionGranted", e -> "gr-demo-handlers-es-1001".equals(e.key()));
        assertThat(PublishedEvents.get()
                        .find(
                                Topics.PERMISSION_EVENTS,
                                "PermissionGranted",
                                e -> e.key().startsWith("gr-demo-")))
                .hasSize(4);
        assertThat(PublishedEvents.get()
                        .find(Topics.PERMISSION_EVENTS, "TrainingCompleted", e -> "anna".equals(e.key())))
                .hasSize(1);
    }

    private boolean allowed(String user, String role, String eServiceId) {
        return TestHttp.at(port)
                .get(
                        "/api/permissions/check?personId=" + user + "&role=" + role + "&eServiceId=" + eServiceId,
                        tokens.tokenFor("arvid"))
                .json()
                .get("allowed")
                .asBoolean();
    }
}
