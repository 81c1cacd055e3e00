package se.municipality.eops.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.EventType;
import se.municipality.eops.contract.samples.ContractJson;
import se.municipality.eops.contract.samples.EventSamples;
import se.municipality.eops.contract.samples.NotificationMother;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventSchemaValidatorTest {

    private static final String REQUEST_SUBMITTED = EventCatalog.REQUEST_SUBMITTED.name();

    private final EventSchemaValidator validator = EventSchemaValidator.load();

    static Stream<DomainEvent> samples() {
        return EventSamples.all().stream();
    }

    @Test
    void knowsEveryCatalogueType() {
        assertThat(validator.eventTypeNames())
                .containsExactlyInAnyOrderElementsOf(
                        EventCatalog.all().stream().map(EventType::name).toList());
    }

    @Test
    void loadsTheSchemasOnceAndSharesTheValidator() {
        assertThat(EventSchemaValidator.load()).isSameAs(validator);
    }

    @Test
    void hasASampleOfEveryCatalogueType() {
        EventCatalog.all().forEach(type -> assertThat(EventSamples.anyOf(type)).isInstanceOf(type.recordType()));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void acceptsSampleEventsAsTheStarterSerializesThem(DomainEvent event) {
        String json = ContractJson.write(event);

        assertThat(validator.violations(EventSamples.typeOf(event).name(), json))
                .isEmpty();
        assertThatCode(() -> validator.assertValid(EventSamples.typeOf(event).name(), json))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventId", "requestId", "occurredAt", "requestType", "requester"})
    void rejectsRequestSubmittedWithoutARequiredField(String field) {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.newVersionPublication());
        event.remove(field);

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString()))
                .anySatisfy(
                        violation -> assertThat(violation).contains("required").contains("'" + field + "'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"userId", "email", "role"})
    void rejectsARequesterWithoutWhatConsumersNeedToAnswerThem(String field) {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.newVersionPublication());
        ((ObjectNode) event.get("requester")).remove(field);

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString()))
                .anySatisfy(violation ->
                        assertThat(violation).contains("$.requester").contains("'" + field + "'"));
    }

    @Test
    void rejectsAnUnknownRequestType() {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.newVersionPublication());
        event.put("requestType", "COFFEE");

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString()))
                .anySatisfy(violation ->
                        assertThat(violation).contains("$.requestType").contains("enumeration"));
    }

    @Test
    void rejectsAnUnknownRequesterRole() {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.newVersionPublication());
        ((ObjectNode) event.get("requester")).put("role", "CITIZEN");

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("$.requester.role"));
    }

    @ParameterizedTest
    @MethodSource("requestsOfEachType")
    void rejectsARequestWithoutTheDetailsOfItsType(DomainEvent request, String detailsField) {
        ObjectNode event = ContractJson.tree(request);
        event.remove(detailsField);

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("'" + detailsField + "'"));
    }

    static Stream<Arguments> requestsOfEachType() {
        return Stream.of(
                Arguments.of(RequestSubmittedMother.newEServicePublication(), "publication"),
                Arguments.of(RequestSubmittedMother.retentionPurge(), "purge"),
                Arguments.of(RequestSubmittedMother.administratorPermission(), "permission"));
    }

    @Test
    void rejectsARequestCarryingTheDetailsOfAnotherType() {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.newVersionPublication());
        event.set(
                "purge",
                ContractJson.tree(RequestSubmittedMother.testCasePurge()).get("purge"));

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString()))
                .singleElement()
                .asString()
                .contains("$.purge");
    }

    @Test
    void rejectsAPublicationWithoutTheEServiceId() {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.newEServicePublication());
        ((ObjectNode) event.get("publication")).remove("eServiceId");

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString()))
                .anySatisfy(violation ->
                        assertThat(violation).contains("$.publication").contains("'eServiceId'"));
    }

    @Test
    void rejectsAPermissionForBothAPersonAndAGroup() {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.caseHandlerGroupPermission());
        JsonNode person = ContractJson.tree(RequestSubmittedMother.administratorPermission())
                .get("permission")
                .get("person");
        ((ObjectNode) event.get("permission")).set("person", person);

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString()))
                .singleElement()
                .asString()
                .contains("$.permission.person");
    }

    @Test
    void rejectsAPermissionForNeitherAPersonNorAGroup() {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.administratorPermission());
        ((ObjectNode) event.get("permission")).remove("person");

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString()))
                .singleElement()
                .asString()
                .contains("$.permission")
                .contains("'person'");
    }

    @Test
    void rejectsAGroupForAnyRoleButCaseHandler() {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.caseHandlerGroupPermission());
        ((ObjectNode) event.get("permission")).put("role", "EDITOR");

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("$.permission.role"));
    }

    @Test
    void acceptsAnEndOnAGrantOnly() {
        ObjectNode grant = ContractJson.tree(RequestSubmittedMother.temporaryEditorPermission());
        assertThat(validator.violations(REQUEST_SUBMITTED, grant.toString())).isEmpty();

        ObjectNode revocation = ContractJson.tree(RequestSubmittedMother.editorRevocation());
        ((ObjectNode) revocation.get("permission")).put("validUntil", "2027-06-30T22:00:00Z");

        assertThat(validator.violations(REQUEST_SUBMITTED, revocation.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("$.permission.change"));
    }

    @Test
    void rejectsACaseHandlerPermissionWithoutTheEService() {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.caseHandlerGroupPermission());
        ((ObjectNode) event.get("permission")).remove("eServiceId");

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("'eServiceId'"));
    }

    @Test
    void rejectsMalformedIdsTimestampsAndAddresses() {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.newVersionPublication());
        event.put("eventId", "not-a-uuid");
        event.put("occurredAt", "yesterday");
        ((ObjectNode) event.get("requester")).put("email", "anna at home");

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString()))
                .anySatisfy(
                        violation -> assertThat(violation).contains("$.eventId").contains("uuid"))
                .anySatisfy(violation ->
                        assertThat(violation).contains("$.occurredAt").contains("date-time"))
                .anySatisfy(violation ->
                        assertThat(violation).contains("$.requester.email").contains("email"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"anna@municipality.test", "handler@localhost", "bo.berg+eops@kommun.example", "x@[127.0.0.1]"})
    void acceptsAnyMailboxSyntaxIncludingReservedTestDomains(String address) {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.newVersionPublication());
        ((ObjectNode) event.get("requester")).put("email", address);

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "anna",
                "anna@",
                "@municipality.se",
                "anna andersson@municipality.se",
                "anna@@municipality.se",
                "åsa@kommun.se",
                "a..b@x.se"
            })
    void rejectsWhatIsNoMailbox(String address) {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.newVersionPublication());
        ((ObjectNode) event.get("requester")).put("email", address);

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString()))
                .singleElement()
                .asString()
                .contains("$.requester.email");
    }

    @Test
    void namesThePlaceOfEachViolationApartFromWhatIsWrongThere() {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.newVersionPublication());
        ((ObjectNode) event.get("requester")).remove("email");
        ((ObjectNode) event.get("publication")).put("eServiceId", "");

        assertThat(validator.check(REQUEST_SUBMITTED, event.toString()))
                .extracting(EventSchemaValidator.Violation::location)
                .containsExactlyInAnyOrder("$.requester.email", "$.publication.eServiceId");
        assertThat(validator.check(REQUEST_SUBMITTED, event.toString()))
                .allSatisfy(violation -> assertThat(violation.message()).doesNotStartWith("$"));
    }

    @Test
    void acceptsPropertiesItDoesNotKnowBecausePayloadsGrowByAddingOptionalFields() {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.caseHandlerGroupPermission());
        event.put("priority", "HIGH");
        ((ObjectNode) event.get("requester")).put("department", "Education");
        ((ObjectNode) event.get("permission")).put("ticketReference", "INC-2027-0042");

        assertThat(validator.violations(REQUEST_SUBMITTED, event.toString())).isEmpty();
    }

    @Test
    void rejectsANotificationFailureWithoutItsReason() {
        ObjectNode event = ContractJson.tree(NotificationMother.mailRejectedBySmtpServer());
        event.remove("reason");

        assertThat(validator.violations(EventCatalog.NOTIFICATION_FAILED.name(), event.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("'reason'"));
    }

    @Test
    void rejectsASentMailWhoseRecipientIsNoAddress() {
        ObjectNode event = ContractJson.tree(NotificationMother.requestReceivedMailSent());
        event.put("recipient", "nobody");

        assertThat(validator.violations(EventCatalog.NOTIFICATION_SENT.name(), event.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("$.recipient"));
    }

    @Test
    void reportsAnUnknownEventTypeAsAViolation() {
        assertThat(validator.violations("RequestTeleported", "{}"))
                .singleElement()
                .asString()
                .contains("unknown event type 'RequestTeleported'");
        assertThat(validator.violations(null, "{}")).hasSize(1);
    }

    @Test
    void reportsAPayloadThatIsNotJsonAsAViolation() {
        assertThat(validator.violations(REQUEST_SUBMITTED, "{\"eventId\": "))
                .singleElement()
                .asString()
                .contains("not valid JSON");
        assertThat(validator.violations(REQUEST_SUBMITTED, "")).hasSize(1);
        assertThat(validator.violations(REQUEST_SUBMITTED, null)).hasSize(1);
    }

    @Test
    void assertValidFailsWithEveryViolationAndThePayload() {
        ObjectNode event = ContractJson.tree(RequestSubmittedMother.newVersionPublication());
        event.remove("requestId");
        event.put("requestType", "COFFEE");
        String json = event.toString();

        assertThatThrownBy(() -> validator.assertValid(REQUEST_SUBMITTED, json))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RequestSubmitted payload violates urn:eops:schema:RequestSubmitted:1")
                .hasMessageContaining("'requestId'")
                .hasMessageContaining("$.requestType")
                .hasMessageContaining(json);
    }

    @Test
    void assertValidFailsForAnUnknownEventType() {
        assertThatThrownBy(() -> validator.assertValid("RequestTeleported", "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("unknown event type");
    }

    @Test
    void listsNothingForAValidPayload() {
        List<String> violations =
                validator.violations(REQUEST_SUBMITTED, ContractJson.write(RequestSubmittedMother.retentionPurge()));

        assertThat(violations).isEmpty();
    }
}
