package se.municipality.eops.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PermissionRequest.Change;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.PermissionRequest.Person;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;
import se.municipality.eops.contract.schema.EventSchemaValidator.Violation;

class PendingEventTest {

    static final Requester ANNA = new Requester(
            "anna", "Anna Andersson", "anna.andersson@kommun.example", RequesterRole.ESERVICE_ADMINISTRATOR);

    @Test
    void anEventThatKeepsItsSchemaBecomesAPendingEvent() {
        RequestSubmitted event = editorGrant(ANNA, "asa.ek@kommun.se");

        PendingEvent pending = PendingEvent.of(event);

        assertThat(pending.type()).isEqualTo(EventCatalog.REQUEST_SUBMITTED.name());
        assertThat(pending.key()).isEqualTo(event.requestId());
        assertThat(pending.payload()).contains("asa.ek@kommun.se");
    }

    @Test
    void anEventThatBreaksItsSchemaCannotBecomeAPendingEvent() {
        // Consumers check the same schema and would dead-letter it: no receipt, no permission change.
        RequestSubmitted event = editorGrant(ANNA, "åsa@kommun.se");

        assertThatThrownBy(() -> PendingEvent.of(event))
                .isInstanceOfSatisfying(EventBreaksSchemaException.class, refused -> {
                    assertThat(refused.eventType()).isEqualTo("RequestSubmitted");
                    assertThat(refused.violations())
                            .extracting(Violation::location)
                            .containsExactly("$.permission.person.email");
                });
    }

    @Test
    void serverSideDataIsCheckedToo() {
        Requester withoutAddress = new Requester("anna", "Anna", null, RequesterRole.ESERVICE_ADMINISTRATOR);

        assertThatThrownBy(() -> PendingEvent.of(editorGrant(withoutAddress, "asa.ek@kommun.se")))
                .isInstanceOfSatisfying(
                        EventBreaksSchemaException.class,
                        refused -> assertThat(refused.violations())
                                .extracting(Violation::location)
                                .containsExactly("$.requester.email"));
    }

    private static RequestSubmitted editorGrant(Requester requester, String personEmail) {
        return new RequestSubmitted(
                UUID.randomUUID(),
                "REQ-1",
                Instant.parse("2026-11-27T10:00:00Z"),
                RequestType.PERMISSION,
                requester,
                null,
                null,
                new PermissionRequest(
                        Change.GRANT,
                        PermissionRole.EDITOR,
                        "es-1",
                        "Parkering",
                        new Person("asa", "Åsa Ek", personEmail),
                        null,
                        null));
    }
}
