package se.municipality.eops.contract.samples;

import java.util.ArrayList;
import java.util.List;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.EventType;

/** Sample instances of the catalogue's events; a test fails when a catalogue type has none. */
public final class EventSamples {

    private EventSamples() {}

    public static List<DomainEvent> all() {
        List<DomainEvent> samples = new ArrayList<>(RequestSubmittedMother.everyKind());
        samples.addAll(RequestLifecycleMother.everyKind());
        samples.add(NotificationMother.requestReceivedMailSent());
        samples.add(NotificationMother.reminderWithoutRequest());
        samples.add(NotificationMother.mailRejectedBySmtpServer());
        samples.addAll(PublicationMother.everyEvent());
        samples.addAll(PermissionMother.everyKind());
        samples.addAll(PurgeMother.all());
        return samples;
    }

    public static DomainEvent anyOf(EventType type) {
        return all().stream()
                .filter(type.recordType()::isInstance)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No sample of " + type.name() + " in EventSamples"));
    }

    public static EventType typeOf(DomainEvent event) {
        return EventCatalog.of(event.getClass());
    }
}
