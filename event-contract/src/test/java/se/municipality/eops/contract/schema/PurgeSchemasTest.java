package se.municipality.eops.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.purge.PurgeCompleted;
import se.municipality.eops.contract.purge.PurgePlanApproved;
import se.municipality.eops.contract.purge.PurgePlanCreated;
import se.municipality.eops.contract.purge.PurgePlanExpired;
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

    @Test
    void theEventsOfARequestsPlansListEveryPlanOfTheRequest() {
        List<String> plans = PurgeMother.twoRequestPlans("req-44");

        for (DomainEvent event : PurgeMother.twoPlansOfOneRequest()) {
            ObjectNode json = ContractJson.tree(event);

            assertThat(json.withArray("requestPlanIds").valueStream().map(id -> id.asString()))
                    .as(event.getClass().getSimpleName())
                    .containsExactlyElementsOf(plans)
                    .contains(event.aggregateId());
            assertThat(validator.violations(EventCatalog.of(event.getClass()).name(), json.toString()))
                    .isEmpty();
        }
    }

    @Test
    void requestPlanIdsAreOptionalSoTheEventsOfEarlierProducersStayValid() {
        List<DomainEvent> earlier = List.of(
                PurgeMother.planCreatedOnRequest(),
                PurgeMother.planApproved(),
                PurgeMother.planExpired(),
                PurgeMother.retentionCompleted());

        for (DomainEvent event : earlier) {
            String json = ContractJson.write(event);

            assertThat(json).doesNotContain("requestPlanIds");
            assertThat(validator.violations(EventCatalog.of(event.getClass()).name(), json))
                    .isEmpty();
        }
    }

    @Test
    void requestPlanIdsNameAtLeastOnePlanAndEachOnce() {
        ObjectNode none = ContractJson.tree(PurgeMother.twoPlansOfOneRequest().get(0));
        none.putArray("requestPlanIds");
        ObjectNode twice = ContractJson.tree(PurgeMother.twoPlansOfOneRequest().get(3));
        twice.withArray("requestPlanIds").add(twice.get("purgeId").asString());

        assertThat(validator.violations(EventCatalog.PURGE_PLAN_CREATED.name(), none.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("requestPlanIds"));
        assertThat(validator.violations(EventCatalog.PURGE_COMPLETED.name(), twice.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("requestPlanIds"));
    }

    @Test
    void anEventWithoutRequestPlanIdsReadsAsHavingNoneAndOneWithThemKeepsThem() {
        List<String> plans = PurgeMother.twoRequestPlans("req-44");
        PurgeCompleted completed = PurgeMother.retentionCompleted("req-44", "rule-2", 7, plans);
        ObjectNode earlier = ContractJson.tree(completed);
        earlier.remove("requestPlanIds");

        assertThat(ContractJson.MAPPER.readValue(ContractJson.write(completed), PurgeCompleted.class))
                .isEqualTo(completed);
        assertThat(ContractJson.MAPPER
                        .readValue(earlier.toString(), PurgeCompleted.class)
                        .requestPlanIds())
                .isNull();
        assertThat(ContractJson.MAPPER
                        .readValue(
                                ContractJson.write(PurgeMother.planCreatedOnRequest("req-44", "rule-1", plans)),
                                PurgePlanCreated.class)
                        .requestPlanIds())
                .isEqualTo(plans);
        assertThat(ContractJson.MAPPER
                        .readValue(
                                ContractJson.write(PurgeMother.planApproved("req-44", "rule-1", plans)),
                                PurgePlanApproved.class)
                        .requestPlanIds())
                .isEqualTo(plans);
        PurgePlanExpired expired = ContractJson.MAPPER.readValue(
                ContractJson.write(PurgeMother.planExpired("req-44", "rule-2", plans)), PurgePlanExpired.class);
        assertThat(expired.requestPlanIds()).isEqualTo(plans);
        assertThat(expired.ruleId()).isEqualTo("rule-2");
    }
}
