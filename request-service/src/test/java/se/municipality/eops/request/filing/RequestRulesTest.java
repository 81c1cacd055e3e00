package se.municipality.eops.request.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PermissionRequest.Change;
import se.municipality.eops.contract.request.PermissionRequest.HandlerGroup;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.PermissionRequest.Person;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PublicationRequest.ChecklistItem;
import se.municipality.eops.contract.request.PublicationRequest.PublicationKind;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.PurgeRequest.PurgeKind;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.RequestRuleViolation;
import se.municipality.eops.request.filing.domain.RequestRules;
import se.municipality.eops.request.filing.domain.RequestStatus;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.starter.messaging.EventJson;
import tools.jackson.databind.node.ObjectNode;

class RequestRulesTest {

    static final Requester ANNA = new Requester(
            "anna", "Anna Andersson", "anna.andersson@kommun.example", RequesterRole.ESERVICE_ADMINISTRATOR);
    static final Person LISA = new Person("lisa", "Lisa Lund", "lisa.lund@kommun.example");
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void filingRaisesRequestSubmittedAndStartsTheTimeline() {
        PurgeRequest purge = new PurgeRequest(PurgeKind.TEST_CASES, "es-1", "Parkering", null, null, null);

        ServiceRequest request = ServiceRequest.file("REQ-1", ANNA, RequestDetails.purge(purge), NOW);

        assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(request.timeline()).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("anna");
            assertThat(entry.at()).isEqualTo(NOW);
        });
        assertThat(request.newEvents()).singleElement().isInstanceOfSatisfying(RequestSubmitted.class, event -> {
            assertThat(event.requestId()).isEqualTo("REQ-1");
            assertThat(event.purge()).isEqualTo(purge);
            assertThat(event.occurredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void rejectsNewEServiceWithoutChecklist() {
        PublicationRequest publication = new PublicationRequest(
                PublicationKind.NEW_ESERVICE, "es-1", "Parkering", null, "SBN", "P-enheten", List.of(), null);

        assertViolation(RequestType.PUBLICATION, publication, null, null, "publication.checklist");
    }

    @Test
    void acceptsNewVersionWithoutChecklist() {
        PublicationRequest publication =
                new PublicationRequest(PublicationKind.NEW_VERSION, "es-1", "Parkering", "2.1", null, null, null, null);

        ServiceRequest request = ServiceRequest.file("REQ-2", ANNA, RequestDetails.publication(publication), NOW);

        assertThat(request.details().publication().versionLabel()).isEqualTo("2.1");
    }

    @Test
    void aNewVersionNeedsItsLabel() {
        PublicationRequest unlabelled =
                new PublicationRequest(PublicationKind.NEW_VERSION, "es-1", "Parkering", " ", null, null, null, null);

        assertViolation(RequestType.PUBLICATION, unlabelled, null, null, "publication.versionLabel");
    }

    @Test
    void retentionPurgeNeedsTheCommitteeAndItsDecision() {
        PurgeRequest purge = new PurgeRequest(PurgeKind.RETENTION, "es-1", "Parkering", "SBN", null, null);

        assertViolation(RequestType.PURGE, null, purge, null, "purge.purgeDecisionReference");
    }

    @Test
    void onlyCaseHandlerPermissionGoesToAGroup() {
        PermissionRequest editors = new PermissionRequest(
                Change.GRANT,
                PermissionRole.EDITOR,
                "es-1",
                "Parkering",
                null,
                new HandlerGroup("G", List.of(LISA)),
                null);

        assertViolation(RequestType.PERMISSION, null, null, editors, "permission.group");
    }

    @Test
    void permissionNamesAPersonOrAGroupButNotBoth() {
        PermissionRequest both = new PermissionRequest(
                Change.GRANT,
                PermissionRole.CASE_HANDLER,
                "es-1",
                "Parkering",
                LISA,
                new HandlerGroup("G", List.of(LISA)),
                null);

        assertViolation(RequestType.PERMISSION, null, null, both, "permission");
    }

    @Test
    void rejectsTheSamePersonTwiceInAGroup() {
        PermissionRequest twice = new PermissionRequest(
                Change.GRANT,
                PermissionRole.CASE_HANDLER,
                "es-1",
                "Parkering",
                null,
                new HandlerGroup("G", List.of(LISA, LISA)),
                null);

        assertViolation(RequestType.PERMISSION, null, null, twice, "permission.group.members[1].userId");
    }

    @Test
    void rejectsTheSamePersonTwiceInAGroupWhateverTheCaseOrSpaces() {
        PermissionRequest twice = new PermissionRequest(
                Change.GRANT,
                PermissionRole.CASE_HANDLER,
                "es-1",
                "Parkering",
                null,
                new HandlerGroup(
                        "G",
                        List.of(
                                new Person("Anna", "Anna Andersson", "anna.andersson@kommun.example"),
                                new Person(" anna", "Anna Andersson", "anna.andersson@kommun.example"))),
                null);

        assertViolation(RequestType.PERMISSION, null, null, twice, "permission.group.members[1].userId");
    }

    @Test
    void rejectsDetailsThatDoNotMatchTheType() {
        PurgeRequest purge = new PurgeRequest(PurgeKind.TEST_CASES, "es-1", "Parkering", null, null, null);

        assertViolation(RequestType.PUBLICATION, null, purge, null, "publication");
    }

    @Test
    void rejectsAnEServiceIdThatIsNotAnId() {
        PurgeRequest purge = new PurgeRequest(PurgeKind.TEST_CASES, "es 1; drop", "Parkering", null, null, null);

        assertViolation(RequestType.PURGE, null, purge, null, "purge.eServiceId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"åsa@kommun.se", "a..b@x.se", "anna@kommun..se", "anna", "anna@kommun.se "})
    void rejectsAnAddressTheEventSchemaWouldReject(String address) {
        PermissionRequest grant = new PermissionRequest(
                Change.GRANT,
                PermissionRole.EDITOR,
                "es-1",
                "Parkering",
                new Person("asa", "Åsa Ö", address),
                null,
                null);

        assertViolation(RequestType.PERMISSION, null, null, grant, "permission.person.email");
    }

    @Test
    void aGrantMayEndAtATimeInTheFutureThatTheEventCarries() {
        Instant end = NOW.plus(java.time.Duration.ofDays(90));
        PermissionRequest temporary = new PermissionRequest(
                Change.GRANT,
                PermissionRole.EDITOR,
                "es-1",
                "Parkering",
                new Person("gun", "Gun Gran", "gun@kommun.example"),
                null,
                null,
                end);

        ServiceRequest filed = ServiceRequest.file(
                "REQ-X", ANNA, new RequestDetails(RequestType.PERMISSION, null, null, temporary), NOW);

        assertThat(((RequestSubmitted) filed.newEvents().get(0)).permission().validUntil())
                .isEqualTo(end);
        assertViolation(
                RequestType.PERMISSION,
                null,
                null,
                new PermissionRequest(
                        Change.GRANT,
                        PermissionRole.EDITOR,
                        "es-1",
                        "P",
                        new Person("gun", "Gun Gran", "gun@kommun.example"),
                        null,
                        null,
                        NOW),
                "permission.validUntil");
        assertViolation(
                RequestType.PERMISSION,
                null,
                null,
                new PermissionRequest(
                        Change.REVOKE,
                        PermissionRole.EDITOR,
                        "es-1",
                        "P",
                        new Person("gun", "Gun Gran", "gun@kommun.example"),
                        null,
                        null,
                        end),
                "permission.validUntil");
    }

    @Test
    void rejectsAMissingChecklistItemNamingIt() {
        PublicationRequest publication = new PublicationRequest(
                PublicationKind.NEW_ESERVICE,
                "es-1",
                "Parkering",
                null,
                "SBN",
                "P-enheten",
                java.util.Arrays.asList(new ChecklistItem("Granskad", true), null),
                null);

        assertViolation(RequestType.PUBLICATION, publication, null, null, "publication.checklist[1]");
    }

    @Test
    void acceptsChecklistAnswersWithAndWithoutItemIdsAndRefusesAMalformedId() {
        PublicationRequest withIds = new PublicationRequest(
                PublicationKind.NEW_ESERVICE,
                "es-1",
                "Parkering",
                null,
                "SBN",
                "P-enheten",
                List.of(new ChecklistItem("Granskad", true, "accessibility"), new ChecklistItem("Testad", true)),
                null);
        PublicationRequest badId = new PublicationRequest(
                PublicationKind.NEW_ESERVICE,
                "es-1",
                "Parkering",
                null,
                "SBN",
                "P-enheten",
                List.of(new ChecklistItem("Granskad", true, "accessibility"), new ChecklistItem("Testad", true, "")),
                null);

        assertThat(ServiceRequest.file(
                                "REQ-X", ANNA, new RequestDetails(RequestType.PUBLICATION, withIds, null, null), NOW)
                        .details()
                        .publication()
                        .checklist())
                .extracting(ChecklistItem::itemId)
                .containsExactly("accessibility", null);
        assertViolation(RequestType.PUBLICATION, badId, null, null, "publication.checklist[1].itemId");
    }

    @Test
    void boundsTheChecklistOfANewVersionToo() {
        List<ChecklistItem> tooMany = java.util.Collections.nCopies(
                RequestRules.MAX_CHECKLIST_ITEMS + 1, new ChecklistItem("Granskad", true));
        PublicationRequest publication = new PublicationRequest(
                PublicationKind.NEW_VERSION, "es-1", "Parkering", "2.1", null, null, tooMany, null);

        assertViolation(RequestType.PUBLICATION, publication, null, null, "publication.checklist");
    }

    @Test
    void rejectsControlCharactersButLetAMessageHaveLineBreaks() {
        PurgeRequest newline = new PurgeRequest(PurgeKind.TEST_CASES, "es-1", "Park\nering", null, null, null);
        PurgeRequest nul = new PurgeRequest(PurgeKind.TEST_CASES, "es-1", "Parkering", null, null, "Hej\u0000");
        PurgeRequest lines =
                new PurgeRequest(PurgeKind.TEST_CASES, "es-1", "Parkering", null, null, "Hej,\r\n\tvi behöver...");

        PurgeRequest halfCharacter =
                new PurgeRequest(PurgeKind.TEST_CASES, "es-1", "Park\uD800ering", null, null, null);

        assertViolation(RequestType.PURGE, null, newline, null, "purge.eServiceName");
        assertViolation(RequestType.PURGE, null, halfCharacter, null, "purge.eServiceName");
        assertViolation(RequestType.PURGE, null, nul, null, "purge.message");
        assertThat(ServiceRequest.file("REQ-3", ANNA, RequestDetails.purge(lines), NOW)
                        .details()
                        .purge()
                        .message())
                .startsWith("Hej");
    }

    static Stream<Named<ObjectNode>> largestRequests() {
        return LargestRequests.named();
    }

    @ParameterizedTest
    @MethodSource("largestRequests")
    void acceptsEveryListAndTextAtItsLimit(ObjectNode body) {
        RequestDetails details = LargestRequests.details(body);

        assertThat(ServiceRequest.file("REQ-4", ANNA, details, NOW).newEvents()).hasSize(1);
    }

    static Stream<LargestRequests.OverLimit> overLimits() {
        return LargestRequests.overLimits();
    }

    @ParameterizedTest
    @MethodSource("overLimits")
    void rejectsOneOverAnyLimitNamingTheField(LargestRequests.OverLimit overLimit) {
        RequestDetails details = LargestRequests.details(overLimit.body());

        assertThatThrownBy(() -> ServiceRequest.file("REQ-5", ANNA, details, NOW))
                .isInstanceOfSatisfying(
                        RequestRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo(overLimit.field()));
    }

    /**
     * The producer's {@code max.request.size} and the broker's {@code message.max.bytes} are 1 MB by
     * default; the record adds its key, CloudEvents headers and batch overhead (well under 1 KB).
     */
    @Test
    void theLargestValidEventFitsAKafkaRecordWithRoomToSpare() {
        int kafkaDefaultMaxRequestSize = 1_048_576;
        Requester longestRequester = new Requester(
                "a".repeat(RequestRules.MAX_USER_ID),
                String.valueOf(LargestRequests.WIDE).repeat(RequestRules.MAX_NAME),
                "a".repeat(RequestRules.MAX_EMAIL - "@kommun.example".length()) + "@kommun.example",
                RequesterRole.ESERVICE_ADMINISTRATOR);

        int largest = LargestRequests.all()
                .map(body ->
                        ServiceRequest.file("REQ-ABCDEF012345", longestRequester, LargestRequests.details(body), NOW))
                .mapToInt(
                        request -> EventJson.write(request.newEvents().get(0)).getBytes(StandardCharsets.UTF_8).length)
                .max()
                .orElseThrow();

        assertThat(largest).isLessThan(kafkaDefaultMaxRequestSize * 6 / 10);
    }

    private static void assertViolation(
            RequestType type,
            PublicationRequest publication,
            PurgeRequest purge,
            PermissionRequest permission,
            String field) {
        assertThatThrownBy(() -> ServiceRequest.file(
                        "REQ-X", ANNA, new RequestDetails(type, publication, purge, permission), NOW))
                .isInstanceOfSatisfying(
                        RequestRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo(field));
    }
}
