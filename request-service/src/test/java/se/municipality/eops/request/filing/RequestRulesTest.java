package se.municipality.eops.request.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PermissionRequest.Change;
import se.municipality.eops.contract.request.PermissionRequest.HandlerGroup;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.PermissionRequest.Person;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PublicationRequest.PublicationKind;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.PurgeRequest.PurgeKind;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.RequestRuleViolation;
import se.municipality.eops.request.filing.domain.RequestStatus;
import se.municipality.eops.request.filing.domain.ServiceRequest;

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
    void rejectsDetailsThatDoNotMatchTheType() {
        PurgeRequest purge = new PurgeRequest(PurgeKind.TEST_CASES, "es-1", "Parkering", null, null, null);

        assertViolation(RequestType.PUBLICATION, null, purge, null, "publication");
    }

    @Test
    void rejectsAnEServiceIdThatIsNotAnId() {
        PurgeRequest purge = new PurgeRequest(PurgeKind.TEST_CASES, "es 1; drop", "Parkering", null, null, null);

        assertViolation(RequestType.PURGE, null, purge, null, "purge.eServiceId");
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
