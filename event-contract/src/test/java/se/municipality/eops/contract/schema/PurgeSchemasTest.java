package se.municipality.eops.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.samples.CaseEventsMother;
import se.municipality.eops.contract.samples.ContractJson;
import se.municipality.eops.contract.samples.PurgeMother;
import tools.jackson.databind.node.ObjectNode;

/** The conditional rules of the purge events' schemas, which consumers such as publication-service rely on. */
class PurgeSchemasTest {

    private final EventSchemaValidator validator = EventSchemaValidator.load();

    @Test
    void theLastBatchMustSayHowManyCasesThePurgeHad() {
        ObjectNode last = ContractJson.tree(PurgeMother.noTestCasesAfterReview());
        last.remove("totalCaseCount");

        assertThat(validator.violations(EventCatalog.CASES_PURGED.name(), last.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("totalCaseCount"));
    }

    @Test
    void anEarlierBatchNeedsNoTotal() {
        assertThat(validator.violations(
                        EventCatalog.CASES_PURGED.name(), ContractJson.write(PurgeMother.fullRetentionBatch())))
                .isEmpty();
    }

    @Test
    void aBatchCarriesAtMostAThousandCaseIds() {
        ObjectNode batch = ContractJson.tree(PurgeMother.fullRetentionBatch());
        batch.withArray("caseIds").add("one-too-many");

        assertThat(validator.violations(EventCatalog.CASES_PURGED.name(), batch.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("caseIds"));
    }

    @Test
    void aPurgeThatFoundNothingIsOneValidEventWithNoCaseIds() {
        ObjectNode nothing = ContractJson.tree(PurgeMother.noTestCasesAfterReview());

        assertThat(nothing.get("caseIds").size()).isZero();
        assertThat(nothing.get("batchNumber").asInt()).isEqualTo(1);
        assertThat(validator.violations(EventCatalog.CASES_PURGED.name(), nothing.toString()))
                .isEmpty();
    }

    @Test
    void caseEventsCarryNoPersonalDataFields() {
        ObjectNode submitted = ContractJson.tree(CaseEventsMother.realCase());

        assertThat(submitted.propertyNames())
                .containsOnly("eventId", "caseId", "occurredAt", "eServiceId", "submittedAt", "test");
    }
}
