package se.municipality.eops.starter.outbox;

import java.util.List;

/** An aggregate's document with the events parked in it, in their order. */
public record ParkedDocument(String id, List<ParkedEvent> events) {}
