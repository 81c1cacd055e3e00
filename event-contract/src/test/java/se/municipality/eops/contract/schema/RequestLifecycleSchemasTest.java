package se.municipality.eops.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.samples.ContractJson;
import se.municipality.eops.contract.samples.RequestLifecycleMother;
import tools.jackson.databind.node.ObjectNode;

/** The conditional rules of the request lifecycle schemas, one test each. */
class RequestLifecycleSchemasTest {

    private final EventSchemaValidator validator = EventSchemaValidator.load();

    @Test
    void rejectsAChecklistRejectionThatNamesNoMissingItem() {
        ObjectNode rejected = ContractJson.tree(RequestLifecycleMother.rejectedByChecklist());
        rejected.remove("missingItems");
        ObjectNode empty = ContractJson.tree(RequestLifecycleMother.rejectedByChecklist());
        empty.putArray("missingItems");

        assertThat(validator.violations("RequestRejected", rejected.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("missingItems"));
        assertThat(validator.violations("RequestRejected", empty.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("missingItems"));
    }

    @Test
    void acceptsAReviewRejectionWithoutMissingItems() {
        assertThat(validator.violations(
                        "RequestRejected", ContractJson.write(RequestLifecycleMother.rejectedByReviewer())))
                .isEmpty();
    }

    @Test
    void rejectsAReminderForTheAssigneeThatNamesNoAssignee() {
        ObjectNode overdue = ContractJson.tree(RequestLifecycleMother.overdueAndAssigned());
        overdue.remove("assignee");

        assertThat(validator.violations("RequestOverdue", overdue.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("assignee"));
    }

    @Test
    void writesTheAllowedTimeAsAnIsoDuration() {
        ObjectNode overdue = ContractJson.tree(RequestLifecycleMother.overdueAndAssigned());

        assertThat(overdue.get("allowed").asString()).isEqualTo("PT120H");
    }

    @Test
    void rejectsAStatusChangeToAStatusNobodyKnowsAndACommentOverItsLimit() {
        ObjectNode changed = ContractJson.tree(RequestLifecycleMother.waitingForReview());
        changed.put("toStatus", "PAINTED_GREEN");
        ObjectNode comment = ContractJson.tree(RequestLifecycleMother.commentedByTeam());
        comment.put("text", "x".repeat(4001));

        assertThat(validator.violations("RequestStatusChanged", changed.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("toStatus"));
        assertThat(validator.violations("RequestCommented", comment.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("text"));
    }
}
