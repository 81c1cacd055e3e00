package se.municipality.eops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a service test when any event the suite published so far breaks its JSON Schema, so every
 * event produced in any integration test is checked against the contract without each test asking.
 */
public class EventsMatchTheirSchemas implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        check();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check();
    }

    private static void check() {
        assertThat(PublishedEvents.get().schemaViolations())
                .as("events published by the suite that break their JSON Schema")
                .isEmpty();
    }
}
