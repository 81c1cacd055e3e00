package se.municipality.eops.notification.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.contract.request.RequestRejected.ReasonCode;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.samples.RequestLifecycleMother;
import se.municipality.eops.notification.delivery.domain.ReceiptMail;

/**
 * Recipient alternatives ({@code a else b}) and conditions ({@code when}) as the rules of application.yml resolve
 * them.
 */
class NotificationRulesTest {

    private static final RecipientDirectory MAILBOXES = directory(null);

    /** Mailboxes for every role; the requester of every request is {@code requester} (null: nobody's is known). */
    private static RecipientDirectory directory(Person requester) {
        return directory(requester, null);
    }

    /** As {@link #directory(Person)}, and every request submitted for {@code permissionPerson} (null: nobody). */
    private static RecipientDirectory directory(Person requester, Person permissionPerson) {
        return new RecipientDirectory() {
            @Override
            public Optional<Person> requesterOf(String requestId) {
                return Optional.ofNullable(requester);
            }

            @Override
            public Optional<Person> personOfRequest(String requestId, String field) {
                return field.equals("permission.person") ? Optional.ofNullable(permissionPerson) : Optional.empty();
            }

            @Override
            public List<Person> administratorsOf(String eServiceId) {
                return List.of();
            }

            @Override
            public Optional<String> mailboxOf(String role) {
                return Optional.of(role.toLowerCase() + "@kommun.example");
            }

            @Override
            public boolean hasWebhook(String role) {
                return false;
            }
        };
    }

    private final NotificationRules rules = new NotificationRules(RulesFile.rules());

    @Test
    void aDelegationGoesToTheDelegateWhenTheEventHasTheirAddress() {
        Map<String, Object> event = Map.of(
                "delegationId",
                "dlg-1",
                "delegate",
                Map.of("userId", "rut", "name", "Rut Holm", "email", "rut.holm@kommun.example"));

        assertThat(rules.plan("ReviewDelegated", event, MAILBOXES))
                .containsExactly(new PlannedNotification(
                        "review-delegated",
                        new Recipient(Channel.EMAIL, "rut.holm@kommun.example", "rut", RecipientSpec.Kind.PERSON),
                        RecipientSpec.parse("person:delegate")));
    }

    @Test
    void aDelegationGoesToTheReferenceGroupsMailboxWhenTheDelegateIsKnownByIdOnly() {
        Map<String, Object> event = Map.of("delegationId", "dlg-1", "delegate", Map.of("userId", "rut"));

        assertThat(rules.plan("ReviewDelegated", event, MAILBOXES))
                .containsExactly(new PlannedNotification(
                        "review-delegated",
                        new Recipient(
                                Channel.EMAIL, "reference_group@kommun.example", null, RecipientSpec.Kind.MAILBOX),
                        RecipientSpec.parse("mailbox:REFERENCE_GROUP")));
    }

    @Test
    void aPermissionEventOfARequestNotHeardOfYetLeavesItsMailsToTheRequesterWaiting() {
        Map<String, Object> event = Map.of(
                "requestId",
                "REQ-1",
                "role",
                "ADMINISTRATOR",
                "person",
                Map.of("personId", "carl", "email", "carl@kommun.example"));

        assertThat(rules.awaitingRequester("PermissionAwaitingTraining", event, MAILBOXES))
                .containsExactly("permission-awaiting-training");
        assertThat(rules.plan("PermissionAwaitingTraining", event, MAILBOXES))
                .extracting(planned -> planned.recipient().kind())
                .containsExactly(RecipientSpec.Kind.PERSON);
    }

    @Test
    void nothingWaitsWhenTheRequesterIsKnownOrTheEventCarriesThem() {
        RecipientDirectory knowsTheRequest = directory(new Person("anna", "anna@kommun.example"));
        Map<String, Object> permission = Map.of("requestId", "REQ-1", "role", "ADMINISTRATOR");
        Map<String, Object> statusChange = Map.of(
                "requestId",
                "REQ-1",
                "toStatus",
                "IN_PROGRESS",
                "requester",
                Map.of("userId", "anna", "email", "anna@kommun.example"));

        assertThat(rules.awaitingRequester("PermissionGranted", permission, knowsTheRequest))
                .isEmpty();
        assertThat(rules.awaitingRequester("RequestStatusChanged", statusChange, MAILBOXES))
                .isEmpty();
    }

    @Test
    void aRequesterLearntBetweenThePlanAndTheWaitIsNeitherLostNorMailedTwice() {
        // The live read model learns the requester (another consumer read RequestSubmitted) after its first answer.
        RecipientDirectory known = directory(new Person("anna", "anna@kommun.example"));
        RecipientDirectory learnsAfterTheFirstQuestion = new RecipientDirectory() {
            private boolean asked;

            @Override
            public Optional<Person> requesterOf(String requestId) {
                Optional<Person> answer = asked ? known.requesterOf(requestId) : Optional.empty();
                asked = true;
                return answer;
            }

            @Override
            public Optional<Person> personOfRequest(String requestId, String field) {
                return Optional.empty();
            }

            @Override
            public List<Person> administratorsOf(String eServiceId) {
                return List.of();
            }

            @Override
            public Optional<String> mailboxOf(String role) {
                return MAILBOXES.mailboxOf(role);
            }

            @Override
            public boolean hasWebhook(String role) {
                return false;
            }
        };
        Map<String, Object> event = Map.of(
                "requestId", "REQ-1", "role", "ADMINISTRATOR", "person", Map.of("personId", "erik", "email", "e@x"));
        RecipientDirectory asked = new RequesterSnapshot(learnsAfterTheFirstQuestion);

        List<PlannedNotification> planned = rules.plan("PermissionAwaitingTraining", event, asked);
        List<String> waiting = rules.awaitingRequester("PermissionAwaitingTraining", event, asked);

        // Not planned now, so it must wait for RequestSubmitted (which records it once, under the same key).
        assertThat(planned).extracting(p -> p.recipient().kind()).doesNotContain(RecipientSpec.Kind.REQUESTER);
        assertThat(waiting).containsExactly("permission-awaiting-training");
    }

    @Test
    void aWithdrawnRequestTellsTheTeamAndByItsTypeTheReferenceGroupOrTheArchivistsButNotTheRequester() {
        // The event as the consumer sees it (its JSON, the request type an enum's name), with the requester's address.
        PlannedNotification team = mailbox("request-withdrawn", "central_team@kommun.example");

        assertThat(rules.plan("RequestWithdrawn", withdrawn(RequestType.PUBLICATION), MAILBOXES))
                .containsExactly(team, mailbox("request-withdrawn-review", "reference_group@kommun.example"));
        assertThat(rules.plan("RequestWithdrawn", withdrawn(RequestType.PURGE), MAILBOXES))
                .containsExactly(team, mailbox("request-withdrawn-purge", "archivists@kommun.example"));
        assertThat(rules.plan("RequestWithdrawn", withdrawn(RequestType.PERMISSION), MAILBOXES))
                .containsExactly(team);
    }

    @Test
    void aTeamRejectionTellsThoseWhoseWorkStopsByTheRequestsTypeAndOtherRejectionsOnlyTheRequester() {
        PlannedNotification requester = new PlannedNotification(
                "request-rejected",
                new Recipient(
                        Channel.EMAIL,
                        RequestLifecycleMother.rejectedByTeam().requester().email(),
                        RequestLifecycleMother.rejectedByTeam().requester().userId(),
                        RecipientSpec.Kind.REQUESTER),
                RecipientSpec.parse("requester"));

        assertThat(rules.plan(
                        "RequestRejected", rejected(RequestType.PUBLICATION, ReasonCode.REJECTED_BY_TEAM), MAILBOXES))
                .containsExactly(requester, mailbox("request-rejected-review", "reference_group@kommun.example"));
        assertThat(rules.plan("RequestRejected", rejected(RequestType.PURGE, ReasonCode.REJECTED_BY_TEAM), MAILBOXES))
                .containsExactly(requester, mailbox("request-rejected-purge", "archivists@kommun.example"));
        assertThat(rules.plan(
                        "RequestRejected", rejected(RequestType.PERMISSION, ReasonCode.REJECTED_BY_TEAM), MAILBOXES))
                .containsExactly(requester);
        // Every condition of a rule must hold: a reviewer's or a service's rejection stops no one else's work.
        assertThat(rules.plan(
                        "RequestRejected", rejected(RequestType.PUBLICATION, ReasonCode.REVIEW_REJECTED), MAILBOXES))
                .containsExactly(requester);
        assertThat(rules.plan("RequestRejected", rejected(RequestType.PURGE, ReasonCode.PURGE_REFUSED), MAILBOXES))
                .containsExactly(requester);
    }

    @Test
    void aFailedRequestTellsTheRequesterAndTheTeamAndNoOtherStatusChangeTellsTheTeam() {
        Map<String, Object> failed = MessageTemplatesTest.fieldsOf(
                MessageTemplatesTest.failed(RequestType.PURGE, "PurgeFailed", MessageTemplatesTest.PURGE_FAILURE));

        assertThat(rules.plan("RequestStatusChanged", failed, MAILBOXES))
                .extracting(
                        PlannedNotification::template,
                        planned -> planned.recipient().kind())
                .containsExactly(
                        tuple("request-failed", RecipientSpec.Kind.REQUESTER),
                        tuple("request-failed-team", RecipientSpec.Kind.MAILBOX));
        assertThat(rules.plan(
                        "RequestStatusChanged",
                        MessageTemplatesTest.fieldsOf(RequestLifecycleMother.blockedByChecklist()),
                        MAILBOXES))
                .isEmpty(); // into REJECTED: RequestRejected tells
        assertThat(rules.plan(
                        "RequestStatusChanged",
                        MessageTemplatesTest.fieldsOf(RequestLifecycleMother.waitingForReview()),
                        MAILBOXES))
                .extracting(PlannedNotification::template)
                .containsExactly("request-status-changed");
    }

    private static Map<String, Object> rejected(RequestType type, ReasonCode code) {
        return MessageTemplatesTest.fieldsOf(MessageTemplatesTest.rejected(type, code, "Skälet"));
    }

    private static Map<String, Object> withdrawn(RequestType type) {
        return MessageTemplatesTest.fieldsOf(MessageTemplatesTest.withdrawn(type, null));
    }

    private static PlannedNotification mailbox(String template, String address) {
        String role = address.substring(0, address.indexOf('@')).toUpperCase();
        return new PlannedNotification(
                template,
                new Recipient(Channel.EMAIL, address, null, RecipientSpec.Kind.MAILBOX),
                RecipientSpec.parse("mailbox:" + role));
    }

    @Test
    void aWithdrawnPermissionRequestTellsThePersonItWasForUnlessTheyAskedForItThemselves() {
        Map<String, Object> withdrawn = withdrawn(RequestType.PERMISSION);
        Map<?, ?> requester = (Map<?, ?>) withdrawn.get("requester");
        Person kim = new Person("kim", "kim.karlsson@kommun.example");
        PlannedNotification toKim = new PlannedNotification(
                "request-withdrawn-person",
                new Recipient(Channel.EMAIL, kim.email(), "kim", RecipientSpec.Kind.REQUEST_PERSON),
                RecipientSpec.parse("request:permission.person"));

        assertThat(rules.plan("RequestWithdrawn", withdrawn, directory(null, kim)))
                .containsExactly(mailbox("request-withdrawn", "central_team@kommun.example"), toKim);
        // Asked for it themselves: they withdrew it, as the requester they hear nothing (by id, or by address).
        Person sameId = new Person(((String) requester.get("userId")).toUpperCase(), "another@kommun.example");
        Person sameAddress = new Person("someone", ((String) requester.get("email")).toUpperCase());
        assertThat(rules.plan("RequestWithdrawn", withdrawn, directory(null, sameId)))
                .containsExactly(mailbox("request-withdrawn", "central_team@kommun.example"));
        assertThat(rules.plan("RequestWithdrawn", withdrawn, directory(null, sameAddress)))
                .containsExactly(mailbox("request-withdrawn", "central_team@kommun.example"));
        // Only a permission request is for a person.
        assertThat(rules.plan("RequestWithdrawn", withdrawn(RequestType.PURGE), directory(null, kim)))
                .extracting(PlannedNotification::template)
                .doesNotContain("request-withdrawn-person");
    }

    @Test
    void thePersonAGrantIsForWhoAskedForItThemselvesGetsOneMailAsTheRequester() {
        Person erik = new Person("erik", "erik.ek@kommun.example");
        Map<String, Object> granted = Map.of(
                "requestId",
                "REQ-1",
                "role",
                "ADMINISTRATOR",
                "person",
                Map.of("personId", "erik", "email", "erik.ek@kommun.example"));

        assertThat(rules.plan("PermissionGranted", granted, directory(erik)))
                .containsExactly(new PlannedNotification(
                        "permission-granted",
                        new Recipient(Channel.EMAIL, erik.email(), "erik", RecipientSpec.Kind.REQUESTER),
                        RecipientSpec.parse("requester")));
    }

    @Test
    void theTeamsWebhookLinksToTheRequestsDeskPageAsTheTeamsMailDoes() {
        RecipientDirectory withTheTeamsWebhook = new RecipientDirectory() {
            @Override
            public Optional<Person> requesterOf(String requestId) {
                return Optional.empty();
            }

            @Override
            public Optional<Person> personOfRequest(String requestId, String field) {
                return Optional.empty();
            }

            @Override
            public List<Person> administratorsOf(String eServiceId) {
                return List.of();
            }

            @Override
            public Optional<String> mailboxOf(String role) {
                return MAILBOXES.mailboxOf(role);
            }

            @Override
            public boolean hasWebhook(String role) {
                return role.equals("CENTRAL_TEAM");
            }
        };
        Map<String, Object> withdrawn = withdrawn(RequestType.PERMISSION);
        MessageTemplates templates = new MessageTemplates("templates/notifications", "https://portal.example/");

        assertThat(rules.plan("RequestWithdrawn", withdrawn, withTheTeamsWebhook))
                .filteredOn(planned -> planned.template().equals("request-withdrawn"))
                .extracting(
                        planned -> planned.recipient().channel(),
                        planned -> templates
                                .render(planned.template(), "sv", withdrawn, planned.foundBy())
                                .link())
                .containsExactly(
                        tuple(Channel.EMAIL, "https://portal.example/team/requests/" + withdrawn.get("requestId")),
                        tuple(Channel.WEBHOOK, "https://portal.example/team/requests/" + withdrawn.get("requestId")));
    }

    @Test
    void theReceiptGoesToTheRequesterAlone() {
        // ReceiptMail links to the requester's page of the request whoever gets it: only the requester may.
        assertThat(RulesFile.rules())
                .filteredOn(rule -> rule.template().equals(ReceiptMail.TEMPLATE))
                .extracting(NotificationRule::recipients)
                .containsExactly(List.of("requester"));
    }

    @Test
    void everyAlternativeOfARecipientMustBeKnown() {
        assertThatThrownBy(() -> new NotificationRule(
                        "ReviewDelegated", "review-delegated", List.of("person:delegate else team"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown recipient 'team'");
    }
}
