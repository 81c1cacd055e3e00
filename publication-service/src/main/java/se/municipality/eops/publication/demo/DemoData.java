package se.municipality.eops.publication.demo;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.municipality.eops.contract.publication.BasicInfo;
import se.municipality.eops.publication.catalogue.application.Catalogue;
import se.municipality.eops.publication.checklist.application.ChecklistAdministration;
import se.municipality.eops.publication.checklist.domain.ChecklistItem;

/**
 * Seeds the demo catalogue and checklist when {@code eops.demo.enabled} ({@code ./run.sh} sets it): a few
 * published e-services, so new versions and editors can be tried at once, and checklist version 1.
 * Idempotent: an e-service already registered is skipped, and a checklist is published only when there
 * is none, so a restart seeds nothing twice.
 */
@Component
@ConditionalOnProperty(name = "eops.demo.enabled", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String SEEDED_BY = "demo-data";

    static final List<ChecklistItem> CHECKLIST = List.of(
            new ChecklistItem("accessibility", "Tillgänglighetsgranskad", true),
            new ChecklistItem("information-text", "Informationstexten är granskad", true),
            new ChecklistItem("test-cases", "Testärenden är inskickade och kontrollerade", true),
            new ChecklistItem("contact", "Kontaktuppgifter under \"Frågor om e-tjänsten\" finns", true),
            new ChecklistItem("handlers", "Handläggare har behörighet", false));

    static final List<Catalogue.Registration> E_SERVICES = List.of(
            new Catalogue.Registration(
                    "es-1001",
                    "Felanmälan gata och park",
                    "Tekniska nämnden",
                    "Gatuenheten",
                    "Gatuenheten, gata@kommun.example",
                    "3.2",
                    new BasicInfo(
                            "Anmäl fel på gator, gång- och cykelvägar, parker och lekplatser.",
                            List.of("felanmälan", "gata", "park"),
                            "Ingen inloggning krävs")),
            new Catalogue.Registration(
                    "es-1002",
                    "Ansökan om skolskjuts",
                    "Barn- och utbildningsnämnden",
                    "Skolförvaltningen",
                    "Skolskjutssamordnaren, skolskjuts@kommun.example",
                    "2.0",
                    new BasicInfo(
                            "Ansök om skolskjuts för ditt barn i grundskolan.",
                            List.of("skolskjuts", "skola", "buss"),
                            "BankID; barnets personnummer")),
            new Catalogue.Registration(
                    "es-1003",
                    "Ansökan om bygglov",
                    "Stadsbyggnadsnämnden",
                    "Bygglovsenheten",
                    "Bygglovsenheten, bygglov@kommun.example",
                    "5.1",
                    new BasicInfo(
                            "Ansök om bygglov, rivningslov eller marklov.",
                            List.of("bygglov", "bygga", "rivningslov"),
                            "BankID; ritningar som PDF")));

    private final Catalogue catalogue;
    private final ChecklistAdministration checklists;

    DemoData(Catalogue catalogue, ChecklistAdministration checklists) {
        this.catalogue = catalogue;
        this.checklists = checklists;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        var outcomes = catalogue.registerAll(E_SERVICES, SEEDED_BY);
        if (checklists.history().isEmpty()) {
            checklists.publish(CHECKLIST, 0, SEEDED_BY);
        }
        log.info("Demo data: {}", outcomes);
    }
}
