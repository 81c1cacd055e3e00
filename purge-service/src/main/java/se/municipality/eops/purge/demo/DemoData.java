package se.municipality.eops.purge.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import se.municipality.eops.purge.cases.application.CaseImport;
import se.municipality.eops.purge.cases.domain.IndexedCase;
import se.municipality.eops.purge.rules.domain.ClockStart;
import se.municipality.eops.purge.rules.domain.RetentionRule;
import se.municipality.eops.purge.rules.domain.RetentionRules;

/**
 * Seeds demo cases and rules when {@code eops.demo.enabled} (./run.sh): for es-1001..es-1003 real cases from 1 to
 * 8 years old (some closed) and a few test cases, a retention rule each; for es-2001, the brand-new e-service of the
 * README's first request, only test cases. Fixed ids make it idempotent: a restart adds nothing twice.
 */
@Component
@ConditionalOnBooleanProperty("eops.demo.enabled")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final CaseImport caseImport;
    private final RetentionRules rules;
    private final Clock clock;

    DemoData(CaseImport caseImport, RetentionRules rules, Clock clock) {
        this.caseImport = caseImport;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant now = clock.instant();
        List<IndexedCase> cases = new ArrayList<>();
        for (String eService : List.of("es-1001", "es-1002", "es-1003")) {
            for (int i = 1; i <= 40; i++) {
                // Two cases a quarter, going back ten years; every second one closed a month after submission.
                Instant submitted = now.minus(Duration.ofDays(45L * i));
                Instant closed = i % 2 == 0 ? submitted.plus(Duration.ofDays(30)) : null;
                cases.add(new IndexedCase(demoId(eService, i), eService, submitted, closed, false, null));
            }
            for (int i = 1; i <= 3; i++) {
                cases.add(new IndexedCase(
                        demoId(eService, 900 + i), eService, now.minus(Duration.ofDays(400L + i)), null, true, null));
            }
        }
        for (int i = 1; i <= 5; i++) {
            cases.add(new IndexedCase(
                    demoId("es-2001", 900 + i), "es-2001", now.minus(Duration.ofDays(i)), null, true, null));
        }
        long added = caseImport.importAll(cases);
        int rulesAdded = 0;
        rulesAdded += rule(
                "rule-es-1001-felanmalan",
                "es-1001",
                "Tekniska nämnden",
                "3.2.1",
                "TN 2024/118",
                Period.ofYears(2),
                ClockStart.CLOSED);
        rulesAdded += rule(
                "rule-es-1002-skolskjuts",
                "es-1002",
                "Barn- och utbildningsnämnden",
                "5.1.4",
                "BUN 2023/77",
                Period.ofYears(3),
                ClockStart.SUBMITTED);
        rulesAdded += rule(
                "rule-es-1003-bygglov",
                "es-1003",
                "Stadsbyggnadsnämnden",
                "2.4",
                "SBN 2022/12",
                Period.ofYears(5),
                ClockStart.SUBMITTED);
        log.info("Demo data: {} cases and {} retention rules added", added, rulesAdded);
    }

    private int rule(
            String ruleId,
            String eServiceId,
            String committee,
            String row,
            String decision,
            Period period,
            ClockStart clockStart) {
        return rules.create(new RetentionRule(
                        ruleId,
                        1,
                        eServiceId,
                        committee,
                        row,
                        decision,
                        LocalDate.of(2024, 5, 21),
                        period,
                        clockStart,
                        null,
                        true,
                        "demo",
                        clock.instant()))
                ? 1
                : 0;
    }

    private static String demoId(String eService, int number) {
        return "demo-" + eService + "-" + String.format("%04d", number);
    }
}
