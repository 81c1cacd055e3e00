package se.municipality.eops.request.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.permission.HandlerGroupChanged;
import se.municipality.eops.contract.permission.HandlerGroupChanged.GroupChange;
import se.municipality.eops.contract.publication.ReviewRequested;
import se.municipality.eops.contract.request.MissingItem;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PermissionRequest.Change;
import se.municipality.eops.contract.request.PermissionRequest.HandlerGroup;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.PermissionRequest.Person;
import se.municipality.eops.contract.request.RequestRejected.ReasonCode;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.samples.PermissionMother;
import se.municipality.eops.contract.samples.PublicationMother;
import se.municipality.eops.contract.samples.PurgeMother;
import se.municipality.eops.request.filing.domain.Milestone;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.starter.messaging.EventJson;
import tools.jackson.databind.node.ObjectNode;

/** Which downstream event moves which kind of request where. */
class DownstreamEventsTest {

    @Test
    void aChecklistBlockRejectsWithTheMissingItemsAnyOtherBlockWithItsReason() {
        DownstreamMove checklist =
                DownstreamEvents.moveFor(PublicationMother.blockedByChecklist()).orElseThrow();
        DownstreamMove unknown = DownstreamEvents.moveFor(PublicationMother.newVersionOfUnknownEService())
                .orElseThrow();

        assertThat(checklist.appliesTo()).isEqualTo(RequestType.PUBLICATION);
        assertThat(checklist.transition().rejection().reasonCode()).isEqualTo(ReasonCode.CHECKLIST_INCOMPLETE);
        assertThat(checklist.transition().rejection().missingItems())
                .containsExactly(new MissingItem("test-cases", "Testärenden inskickade"));
        assertThat(checklist.transition().rejection().reason()).contains("Testärenden inskickade");
        assertThat(unknown.transition().rejection().reasonCode()).isEqualTo(ReasonCode.PUBLICATION_BLOCKED);
        assertThat(unknown.transition().rejection().reason())
                .isEqualTo("UNKNOWN_ESERVICE: The catalogue has no e-service es-unknown");
        assertThat(unknown.transition().rejection().missingItems()).isEmpty();
    }

    @Test
    void purgeEventsMovePurgeRequestsOnlyAndAnExpiredPlanFails() {
        assertThat(DownstreamEvents.moveFor(aimedAt(PurgeMother.retentionCompleted())))
                .hasValueSatisfying(move -> assertThat(move.appliesTo()).isEqualTo(RequestType.PURGE));
        assertThat(DownstreamEvents.moveFor(PurgeMother.planExpired()))
                .hasValueSatisfying(
                        move -> assertThat(move.transition().milestone()).isEqualTo(Milestone.FAILED));
    }

    @Test
    void aReviewerRejectsAndAnArchivistApprovesInTheirOwnName() {
        assertThat(DownstreamEvents.moveFor(PublicationMother.reviewRejected())
                        .orElseThrow()
                        .transition())
                .satisfies(transition -> {
                    assertThat(transition.actor()).isEqualTo("rut");
                    assertThat(transition.rejection().reasonCode()).isEqualTo(ReasonCode.REVIEW_REJECTED);
                });
        assertThat(DownstreamEvents.moveFor(aimedAt(PurgeMother.planApproved()))
                        .orElseThrow()
                        .transition())
                .satisfies(transition -> {
                    assertThat(transition.milestone()).isEqualTo(Milestone.APPROVED);
                    assertThat(transition.actor()).isEqualTo("astrid");
                });
    }

    @Test
    void anEventNamingNoRequestOrOfNoInterestMovesNothing() {
        ReviewRequested sample = PublicationMother.reviewRequested();
        ReviewRequested withoutRequest = new ReviewRequested(
                sample.eventId(),
                sample.eServiceId(),
                sample.occurredAt(),
                null,
                sample.reviewId(),
                sample.eServiceName(),
                sample.versionLabel(),
                sample.committee(),
                sample.orderer(),
                sample.checklistVersion(),
                sample.quorum(),
                sample.requesterId());

        assertThat(DownstreamEvents.moveFor(withoutRequest)).isEmpty();
        assertThat(DownstreamEvents.moveFor(PublicationMother.reviewReminder())).isEmpty();
        assertThat(DownstreamEvents.moveFor(PermissionMother.trainingCompleted()))
                .isEmpty();
    }

    @Test
    void membersAddedCompleteAGroupGrantOnlyAndNoOtherGroupChangeMovesARequest() {
        HandlerGroupChanged created = PermissionMother.handlerGroupCreated();
        HandlerGroupChanged added = new HandlerGroupChanged(
                created.eventId(),
                created.groupId(),
                created.occurredAt(),
                "REQ-1",
                created.eServiceId(),
                created.name(),
                GroupChange.MEMBERS_ADDED,
                null,
                created.added(),
                List.of(),
                created.members(),
                created.changedBy());
        Person nils = new Person("nils", "Nils Nord", "nils.nord@kommun.example");
        RequestDetails toGroup = RequestDetails.permission(new PermissionRequest(
                Change.GRANT,
                PermissionRole.CASE_HANDLER,
                "es-1",
                "P",
                null,
                new HandlerGroup("G", List.of(nils)),
                null));
        RequestDetails revokeFromGroup = RequestDetails.permission(new PermissionRequest(
                Change.REVOKE,
                PermissionRole.CASE_HANDLER,
                "es-1",
                "P",
                null,
                new HandlerGroup("G", List.of(nils)),
                null));
        RequestDetails toPerson = RequestDetails.permission(
                new PermissionRequest(Change.GRANT, PermissionRole.CASE_HANDLER, "es-1", "P", nils, null, null));

        DownstreamMove move = DownstreamEvents.moveFor(added).orElseThrow();

        assertThat(move.transition().milestone()).isEqualTo(Milestone.COMPLETED);
        assertThat(move.transition().causeEventType()).isEqualTo("HandlerGroupChanged");
        assertThat(move.appliesTo(toGroup)).isTrue();
        assertThat(move.appliesTo(revokeFromGroup)).isFalse();
        assertThat(move.appliesTo(toPerson)).isFalse();
        assertThat(DownstreamEvents.moveFor(created))
                .as("the grant that follows answers")
                .isEmpty();
        assertThat(DownstreamEvents.moveFor(PermissionMother.memberRemoved())).isEmpty();
    }

    /** The sample as its service would publish it about request REQ-1. */
    @SuppressWarnings("unchecked")
    private static <E extends DomainEvent> E aimedAt(E sample) {
        ObjectNode tree = (ObjectNode) EventJson.mapper().valueToTree(sample);
        tree.put("requestId", "REQ-1");
        return (E) EventJson.mapper().treeToValue(tree, sample.getClass());
    }
}
