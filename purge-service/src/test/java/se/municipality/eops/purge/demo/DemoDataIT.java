package se.municipality.eops.purge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.municipality.eops.purge.cases.application.CaseImport;
import se.municipality.eops.purge.rules.domain.RetentionRules;
import se.municipality.eops.testkit.ServiceIntegrationTest;

/** The demo data ./run.sh seeds (off in tests; this test runs it by hand, twice, as two starts would). */
@ServiceIntegrationTest
class DemoDataIT {

    @Autowired
    CaseImport caseImport;

    @Autowired
    RetentionRules rules;

    @Autowired
    Clock clock;

    @Autowired
    MongoTemplate mongo;

    @Test
    void seedsCasesAndRulesOnceHoweverOftenTheServiceStarts() {
        DemoData demo = new DemoData(caseImport, rules, clock);

        demo.run(null);
        long cases = demoCases();
        demo.run(null);

        assertThat(cases).isEqualTo(3 * 43 + 5);
        assertThat(demoCases()).isEqualTo(cases);
        assertThat(mongo.count(
                        Query.query(Criteria.where("eServiceId")
                                .is("es-2001")
                                .and("test")
                                .is(true)),
                        "cases"))
                .isEqualTo(5);
        assertThat(rules.ofEService("es-1001"))
                .singleElement()
                .satisfies(rule -> assertThat(rule.version()).isEqualTo(1));
    }

    private long demoCases() {
        return mongo.count(Query.query(Criteria.where("_id").regex("^demo-")), "cases");
    }
}
