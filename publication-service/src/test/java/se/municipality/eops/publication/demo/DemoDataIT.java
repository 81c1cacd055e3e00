package se.municipality.eops.publication.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.contract.publication.EServiceRegistered;
import se.municipality.eops.publication.catalogue.PublicationScenario;
import se.municipality.eops.publication.catalogue.application.Catalogue;
import se.municipality.eops.publication.checklist.application.ChecklistAdministration;
import se.municipality.eops.testkit.ServiceIntegrationTest;

/** The demo data is off in tests; this test seeds it on purpose, twice, as two starts of ./run.sh would. */
@ServiceIntegrationTest
class DemoDataIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Catalogue catalogue;

    @Autowired
    ChecklistAdministration checklists;

    @Test
    void seedsThePublishedDemoEServicesOnceHoweverOftenTheServiceStarts() {
        PublicationScenario scenario = new PublicationScenario(port, mongo);
        DemoData demo = new DemoData(catalogue, checklists);

        demo.seed();
        int checklistVersions = checklists.history().size();
        demo.seed();

        for (Catalogue.Registration registration : DemoData.E_SERVICES) {
            assertThat(catalogue.get(registration.eServiceId()).published()).isPresent();
            scenario.awaitPublicationEvent(EServiceRegistered.class, registration.eServiceId());
            assertThat(scenario.publicationEvents("EServiceRegistered", registration.eServiceId()))
                    .hasSize(1);
        }
        assertThat(checklists.history()).hasSize(checklistVersions).isNotEmpty();
    }
}
