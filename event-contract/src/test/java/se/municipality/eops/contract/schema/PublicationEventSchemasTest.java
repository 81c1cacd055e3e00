package se.municipality.eops.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.publication.ReviewDelegated;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.samples.ContractJson;
import se.municipality.eops.contract.samples.PublicationMother;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The rules the publication events' schemas add beyond required fields, and the checklist item ids. */
class PublicationEventSchemasTest {

    private final EventSchemaValidator validator = EventSchemaValidator.load();

    @Test
    void everyPublicationEventIsKeyedByItsEServiceOnThePublicationTopic() {
        for (DomainEvent event : PublicationMother.everyEvent()) {
            // A delegation is about no e-service: it is its own aggregate (ReviewDelegated's schema says so).
            String keyField = event instanceof ReviewDelegated ? "delegationId" : "eServiceId";
            assertThat(event.aggregateId())
                    .isEqualTo(ContractJson.tree(event).get(keyField).asString());
            assertThat(EventCatalog.of(event.getClass()).topic()).isEqualTo(Topics.PUBLICATION_EVENTS);
        }
    }

    @Test
    void aDelegationsPeopleNeedAUserIdAndAnEmailOnlyWhenOneIsKnown() {
        ObjectNode idOnly = ContractJson.tree(PublicationMother.reviewDelegated());
        ObjectNode noUserId = ContractJson.tree(PublicationMother.reviewDelegatedToKnownDelegate());
        ((ObjectNode) noUserId.get("delegate")).remove("userId");
        ObjectNode badEmail = ContractJson.tree(PublicationMother.reviewDelegatedToKnownDelegate());
        ((ObjectNode) badEmail.get("delegate")).put("email", "rut.holm");

        assertThat(idOnly.get("delegate").has("email")).isFalse();
        assertThat(validator.violations("ReviewDelegated", idOnly.toString())).isEmpty();
        assertThat(validator.violations("ReviewDelegated", noUserId.toString()))
                .anySatisfy(violation ->
                        assertThat(violation).contains("$.delegate").contains("'userId'"));
        assertThat(validator.violations("ReviewDelegated", badEmail.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("$.delegate.email"));
    }

    @Test
    void aChecklistBlockMustNameTheMissingItemsAndTheChecklistVersion() {
        ObjectNode withoutItems = ContractJson.tree(PublicationMother.blockedByChecklist());
        withoutItems.remove("missingItems");
        ObjectNode emptyItems = ContractJson.tree(PublicationMother.blockedByChecklist());
        emptyItems.set("missingItems", emptyItems.arrayNode());
        ObjectNode withoutVersion = ContractJson.tree(PublicationMother.blockedByChecklist());
        withoutVersion.remove("checklistVersion");

        assertThat(validator.violations("PublicationBlocked", withoutItems.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("'missingItems'"));
        assertThat(validator.violations("PublicationBlocked", emptyItems.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("$.missingItems"));
        assertThat(validator.violations("PublicationBlocked", withoutVersion.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("'checklistVersion'"));
    }

    @Test
    void aBlockForAnotherReasonNeedsNoChecklistItems() {
        assertThat(validator.violations(
                        "PublicationBlocked", ContractJson.write(PublicationMother.newVersionOfUnknownEService())))
                .isEmpty();
    }

    @Test
    void anApprovalListsAtLeastOneApprovalWithReviewerAndTime() {
        ObjectNode empty = ContractJson.tree(PublicationMother.reviewApproved());
        empty.set("approvals", empty.arrayNode());
        ObjectNode anonymous = ContractJson.tree(PublicationMother.reviewApproved());
        ((ObjectNode) anonymous.get("approvals").get(0)).remove("reviewerId");

        assertThat(validator.violations("ReviewApproved", empty.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("$.approvals"));
        assertThat(validator.violations("ReviewApproved", anonymous.toString()))
                .anySatisfy(violation ->
                        assertThat(violation).contains("$.approvals[0]").contains("'reviewerId'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reason", "reviewerId", "reviewId", "requestId"})
    void aRejectionNamesItsReasonReviewerReviewAndRequest(String field) {
        ObjectNode rejection = ContractJson.tree(PublicationMother.reviewRejected());
        rejection.remove(field);

        assertThat(validator.violations("ReviewRejected", rejection.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("'" + field + "'"));
    }

    @Test
    void anInfoUpdateNamesOnlyFieldsOfTheBasicInformation() {
        ObjectNode update = ContractJson.tree(PublicationMother.infoUpdated());
        ((ArrayNode) update.get("changedFields")).add("name");

        assertThat(validator.violations("EServiceInfoUpdated", update.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("$.changedFields[2]"));
    }

    @Test
    void checklistAnswersMayCarryTheItemIdAndStillMayLeaveItOut() {
        var withIds = RequestSubmittedMother.newEServicePublication();
        var publication = withIds.publication();
        var answered = new se.municipality.eops.contract.request.RequestSubmitted(
                withIds.eventId(),
                withIds.requestId(),
                withIds.occurredAt(),
                withIds.requestType(),
                withIds.requester(),
                new PublicationRequest(
                        publication.kind(),
                        publication.eServiceId(),
                        publication.eServiceName(),
                        publication.versionLabel(),
                        publication.committee(),
                        publication.orderer(),
                        List.of(
                                new PublicationRequest.ChecklistItem("Informationstexten granskad", true, "info-text"),
                                new PublicationRequest.ChecklistItem("Testärenden inskickade", false)),
                        publication.message()),
                null,
                null);
        ObjectNode json = ContractJson.tree(answered);

        assertThat(json.get("publication").get("checklist").get(0).get("itemId").asString())
                .isEqualTo("info-text");
        assertThat(json.get("publication").get("checklist").get(1).has("itemId"))
                .isFalse();
        assertThat(validator.violations("RequestSubmitted", json.toString())).isEmpty();

        ((ObjectNode) json.get("publication").get("checklist").get(0)).put("itemId", "");
        assertThat(validator.violations("RequestSubmitted", json.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("$.publication.checklist[0].itemId"));
    }
}
