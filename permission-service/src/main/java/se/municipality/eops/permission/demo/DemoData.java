package se.municipality.eops.permission.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.permission.TrainingCompleted;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.grant.domain.Holder;
import se.municipality.eops.permission.grant.domain.Training;
import se.municipality.eops.permission.grant.domain.Trainings;
import se.municipality.eops.permission.group.domain.HandlerGroup;
import se.municipality.eops.permission.group.domain.HandlerGroups;

/**
 * The demo users' permissions, for {@code ./run.sh} ({@code eops.demo.enabled}): anna is administrator
 * of publication-service's demo e-services es-1001..es-1003 with her training on record, and es-1001
 * has a handler group with nils. Every record has a fixed id, so a restart seeds nothing twice; the
 * events go out like any others, so other services' read models learn of them.
 */
@Component
@ConditionalOnBooleanProperty("eops.demo.enabled")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final List<String> E_SERVICES = List.of("es-1001", "es-1002", "es-1003");
    private static final String SYSTEM = "system";

    private final Grants grants;
    private final Trainings trainings;
    private final HandlerGroups groups;
    private final Clock clock;

    DemoData(Grants grants, Trainings trainings, HandlerGroups groups, Clock clock) {
        this.grants = grants;
        this.trainings = trainings;
        this.groups = groups;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant now = clock.instant();
        Person anna = new Person("anna", "Anna Andersson", "anna.andersson@kommun.example");
        Person nils = new Person("nils", "Nils Nord", "nils.nord@kommun.example");
        Training training =
                new Training(LocalDate.parse("2026-09-15"), "E-tjänsteadministratör grundkurs", SYSTEM, now);
        int seeded = 0;
        if (trainings.record(
                anna.personId(),
                training,
                new TrainingCompleted(
                        UUID.randomUUID(),
                        anna.personId(),
                        now,
                        anna.name(),
                        anna.email(),
                        training.completedOn(),
                        training.course(),
                        SYSTEM,
                        List.of()))) {
            seeded++;
        }
        for (String eServiceId : E_SERVICES) {
            Grant.Decided administrator = Grant.decide(
                    new Grant.Wish(
                            "gr-demo-anna-administrator-" + eServiceId,
                            PermissionRole.ADMINISTRATOR,
                            eServiceId,
                            null,
                            Holder.of(anna),
                            null,
                            null,
                            null,
                            SYSTEM),
                    training,
                    now);
            if (grants.add(administrator.grant(), administrator.event())) {
                seeded++;
            }
        }
        HandlerGroup.Changed group =
                HandlerGroup.create("es-1001", "Handläggare es-1001", List.of(nils), null, SYSTEM, now);
        if (groups.add(group)) {
            seeded++;
        }
        Grant.Decided handlers = Grant.decide(
                new Grant.Wish(
                        "gr-demo-handlers-es-1001",
                        PermissionRole.CASE_HANDLER,
                        "es-1001",
                        null,
                        Holder.of(group.group().reference()),
                        null,
                        null,
                        null,
                        SYSTEM),
                null,
                now);
        if (grants.add(handlers.grant(), handlers.event())) {
            seeded++;
        }
        log.info("Demo permissions: {} records seeded ({} were there already)", seeded, 6 - seeded);
    }
}
