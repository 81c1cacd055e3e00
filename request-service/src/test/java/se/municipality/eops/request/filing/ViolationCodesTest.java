package se.municipality.eops.request.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.request.filing.domain.FieldViolation;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.RequestRules;
import se.municipality.eops.request.filing.domain.ViolationCodes;

/**
 * Every kind of broken rule names itself with a code and the values a text about it needs, so a client can say it
 * in its own language; the English message stays as it was.
 */
class ViolationCodesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Person LISA = new Person("lisa", "Lisa Lund", "lisa.lund@kommun.example");
    private static final List<ChecklistItem> CHECKLIST = List.of(new ChecklistItem("Tillgänglighet", true, "a11y"));

    /**
     * The codes given elsewhere than by RequestRules: by StepMerge (see drafts' StepMergeTest), by the web layer for
     * the account's e-mail address from the token (FilingRequestsIT), and by a request that has ended, to a change
     * asked of it (RequesterActionsIT, TeamDeskIT), and by a draft submitted already, to a change or a second
     * submit (DraftsIT).
     */
    private static final Set<String> STEP_CODES = Set.of(
            ViolationCodes.OTHER_STEP,
            ViolationCodes.UNKNOWN_FIELD,
            ViolationCodes.ACCOUNT_EMAIL,
            ViolationCodes.REQUEST_ENDED,
            ViolationCodes.DRAFT_SUBMITTED);

    static Stream<Arguments> violations() {
        return Stream.of(
                kind(
                        "no type",
                        new RequestDetails(null, null, null, null),
                        "type",
                        "is required: PUBLICATION, PURGE or PERMISSION",
                        ViolationCodes.REQUIRED,
                        Map.of("allowed", "PUBLICATION, PURGE, PERMISSION")),
                kind(
                        "no details for the type",
                        new RequestDetails(RequestType.PUBLICATION, null, null, null),
                        "publication",
                        "is required for a PUBLICATION request",
                        ViolationCodes.REQUIRED,
                        Map.of("type", "PUBLICATION")),
                kind(
                        "details of another type",
                        new RequestDetails(RequestType.PURGE, newVersion("es-1", "Parkering", null), testCases(), null),
                        "publication",
                        "must be left out of a PURGE request",
                        ViolationCodes.NOT_FOR_TYPE,
                        Map.of("type", "PURGE")),
                kind(
                        "a required text left blank",
                        RequestDetails.publication(newVersion("es-1", " ", null)),
                        "publication.eServiceName",
                        "is required",
                        ViolationCodes.REQUIRED,
                        Map.of()),
                kind(
                        "a text too long",
                        RequestDetails.publication(newVersion("es-1", "x".repeat(RequestRules.MAX_NAME + 1), null)),
                        "publication.eServiceName",
                        "may be at most 200 characters",
                        ViolationCodes.TOO_LONG,
                        Map.of("max", RequestRules.MAX_NAME)),
                kind(
                        "too many checklist items",
                        RequestDetails.publication(newEService(Collections.nCopies(
                                RequestRules.MAX_CHECKLIST_ITEMS + 1, new ChecklistItem("Punkt", true, null)))),
                        "publication.checklist",
                        "may hold at most 100 items",
                        ViolationCodes.TOO_MANY,
                        Map.of("max", RequestRules.MAX_CHECKLIST_ITEMS)),
                kind(
                        "a line break in a one-line text",
                        RequestDetails.publication(newVersion("es-1", "Parker\ning", null)),
                        "publication.eServiceName",
                        "may not contain control characters such as line breaks, or half characters",
                        ViolationCodes.CONTROL_CHARACTERS,
                        Map.of()),
                kind(
                        "a control character in a message",
                        RequestDetails.publication(newVersion("es-1", "Parkering", "hej\u0007")),
                        "publication.message",
                        "may not contain control characters other than line breaks and tabs, or half characters",
                        ViolationCodes.CONTROL_CHARACTERS_IN_MESSAGE,
                        Map.of()),
                kind(
                        "an id with a space",
                        RequestDetails.publication(newVersion("es 1", "Parkering", null)),
                        "publication.eServiceId",
                        "must be 1–64 letters, digits or . _ : - (no spaces)",
                        ViolationCodes.NOT_AN_ID,
                        Map.of("max", RequestRules.MAX_E_SERVICE_ID)),
                kind(
                        "a new e-service without its checklist",
                        RequestDetails.publication(newEService(List.of())),
                        "publication.checklist",
                        "is required for a new e-service: go through the checklist first",
                        ViolationCodes.CHECKLIST_REQUIRED,
                        Map.of()),
                kind(
                        "an address no mail reaches",
                        RequestDetails.permission(
                                grant(PermissionRole.EDITOR, new Person("åsa", "Åsa Ek", "åsa@kommun.se"), null, null)),
                        "permission.person.email",
                        "is not an e-mail address we can send to (plain ASCII, such as name@kommun.se)",
                        ViolationCodes.NOT_AN_EMAIL,
                        Map.of()),
                kind(
                        "an end in the past",
                        RequestDetails.permission(
                                grant(PermissionRole.EDITOR, LISA, null, NOW.minus(Duration.ofDays(1)))),
                        "permission.validUntil",
                        "must be in the future",
                        ViolationCodes.NOT_IN_FUTURE,
                        Map.of()),
                kind(
                        "an end for a revocation",
                        RequestDetails.permission(new PermissionRequest(
                                Change.REVOKE,
                                PermissionRole.EDITOR,
                                "es-1",
                                "Parkering",
                                LISA,
                                null,
                                null,
                                NOW.plus(Duration.ofDays(1)))),
                        "permission.validUntil",
                        "only a grant can have an end",
                        ViolationCodes.END_ONLY_FOR_GRANT,
                        Map.of()),
                kind(
                        "a person and a group",
                        RequestDetails.permission(
                                grant(PermissionRole.CASE_HANDLER, LISA, new HandlerGroup("G", List.of(LISA)), null)),
                        "permission",
                        "name either a person or a group, not both or neither",
                        ViolationCodes.PERSON_OR_GROUP,
                        Map.of()),
                kind(
                        "editors as a group",
                        RequestDetails.permission(
                                grant(PermissionRole.EDITOR, null, new HandlerGroup("G", List.of(LISA)), null)),
                        "permission.group",
                        "only case-handler permission can be given to a group",
                        ViolationCodes.GROUP_ONLY_CASE_HANDLER,
                        Map.of()),
                kind(
                        "a group without members",
                        RequestDetails.permission(
                                grant(PermissionRole.CASE_HANDLER, null, new HandlerGroup("G", List.of()), null)),
                        "permission.group.members",
                        "must name at least one member",
                        ViolationCodes.NO_MEMBERS,
                        Map.of()),
                kind(
                        "the same member twice",
                        RequestDetails.permission(grant(
                                PermissionRole.CASE_HANDLER, null, new HandlerGroup("G", List.of(LISA, LISA)), null)),
                        "permission.group.members[1].userId",
                        "names the same person twice",
                        ViolationCodes.DUPLICATE_MEMBER,
                        Map.of()));
    }

    @ParameterizedTest
    @MethodSource("violations")
    void eachKindOfViolationHasItsCodeAndParams(
            RequestDetails details, String field, String message, String code, Map<String, Object> params) {
        assertThat(RequestRules.violations(details, NOW))
                .filteredOn(violation -> violation.field().equals(field))
                .singleElement()
                .isEqualTo(new FieldViolation(field, message, code, params));
    }

    @Test
    void everyViolationOfTheRulesHasACode() {
        Set<String> checked =
                violations().map(arguments -> (String) arguments.get()[3]).collect(Collectors.toSet());

        assertThat(checked).containsExactlyInAnyOrderElementsOf(codesExcept(STEP_CODES));
    }

    @Test
    void aCommentOrReasonBreaksTheRuleOfAFiledMessageWithTheSameCode() {
        String text = "Kontroll\u0000tecken\u001b[31m och \u0007";
        FieldViolation filed = RequestRules.violations(
                        RequestDetails.publication(newVersion("es-1", "Parkering", text)), NOW)
                .get(0);

        assertThat(RequestRules.messageViolation("text", text, RequestRules.MAX_MESSAGE))
                .hasValue(new FieldViolation("text", filed.message(), filed.code(), filed.params()));
        assertThat(RequestRules.messageViolation("reason", "halv \ud83d", 4000))
                .hasValueSatisfying(
                        broken -> assertThat(broken.code()).isEqualTo(ViolationCodes.CONTROL_CHARACTERS_IN_MESSAGE));
        assertThat(RequestRules.messageViolation("text", "Rad ett\r\nrad två\tmed 😀", 4000))
                .isEmpty();
        assertThat(RequestRules.messageViolation("text", null, 4000)).isEmpty();
        assertThat(RequestRules.messageViolation("text", "x".repeat(11), 10))
                .hasValue(new FieldViolation(
                        "text", "may be at most 10 characters", ViolationCodes.TOO_LONG, Map.of("max", 10)));
    }

    @Test
    void anAssigneeIsAWellFormedUserId() {
        assertThat(RequestRules.userIdViolation("assignee", "cecilia")).isEmpty();
        assertThat(RequestRules.userIdViolation("assignee", "Björn.Ek@kommun")).isEmpty();
        assertThat(RequestRules.userIdViolation("assignee", " "))
                .hasValue(new FieldViolation("assignee", "is required", ViolationCodes.REQUIRED));
        for (String malformed : List.of("nobody at all", "anna\u0007", "a".repeat(65), "anna\ud83d")) {
            assertThat(RequestRules.userIdViolation("assignee", malformed))
                    .as(malformed)
                    .hasValue(new FieldViolation(
                            "assignee",
                            "must be a user id: 1–64 letters, digits or . _ @ : - (no spaces)",
                            ViolationCodes.NOT_AN_ID,
                            Map.of("max", RequestRules.MAX_USER_ID)));
        }
    }

    private static Set<String> codesExcept(Set<String> others) throws RuntimeException {
        return Arrays.stream(ViolationCodes.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(ViolationCodesTest::valueOf)
                .filter(code -> !others.contains(code))
                .collect(Collectors.toSet());
    }

    private static String valueOf(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Arguments kind(
            String name,
            RequestDetails details,
            String field,
            String message,
            String code,
            Map<String, Object> params) {
        return Arguments.of(Named.of(name, details), field, message, code, params);
    }

    private static PublicationRequest newVersion(String eServiceId, String eServiceName, String message) {
        return new PublicationRequest(
                PublicationKind.NEW_VERSION, eServiceId, eServiceName, "2.1", null, null, null, message);
    }

    private static PublicationRequest newEService(List<ChecklistItem> checklist) {
        return new PublicationRequest(
                PublicationKind.NEW_ESERVICE, "es-1", "Parkering", null, "SBN", "P-enheten", checklist, null);
    }

    private static PurgeRequest testCases() {
        return new PurgeRequest(PurgeKind.TEST_CASES, "es-1", "Parkering", null, null, null);
    }

    private static PermissionRequest grant(PermissionRole role, Person person, HandlerGroup group, Instant validUntil) {
        return new PermissionRequest(Change.GRANT, role, "es-1", "Parkering", person, group, null, validUntil);
    }
}
