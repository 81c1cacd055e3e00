package se.municipality.eops.request.readmodel;

import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.EventType;
import se.municipality.eops.contract.permission.Group;
import se.municipality.eops.contract.permission.HandlerGroupChanged;
import se.municipality.eops.contract.permission.PermissionAwaitingTraining;
import se.municipality.eops.contract.permission.PermissionExpired;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRevoked;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.publication.EServicePublished;
import se.municipality.eops.contract.publication.EServiceRegistered;
import se.municipality.eops.contract.samples.PermissionMother;
import se.municipality.eops.contract.samples.PublicationMother;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.RawKafka;

/**
 * The contract's sample events, moved to an e-service, person or group of the test's own (the
 * samples all name es-1001), and sent as their publishers send them.
 */
final class ReadModelFixtures {

    private ReadModelFixtures() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends the event as its publisher would: CloudEvents headers, key = aggregate id. */
    static void publish(DomainEvent event) {
        EventType type = EventCatalog.of(event.getClass());
        String source = type.topic().contains("publication") ? "/eops/publication-service" : "/eops/permission-service";
        RawKafka.sendEvent(type, event.aggregateId(), event.eventId().toString(), EventJson.write(event), source);
    }

    static EServiceRegistered registered(String eServiceId) {
        EServiceRegistered sample = PublicationMother.registered();
        return new EServiceRegistered(
                UUID.randomUUID(),
                eServiceId,
                sample.occurredAt(),
                sample.eServiceName(),
                sample.committee(),
                sample.orderer(),
                sample.versionLabel(),
                sample.registeredBy());
    }

    static EServicePublished published(String eServiceId) {
        EServicePublished sample = PublicationMother.newEServicePublished();
        return new EServicePublished(
                UUID.randomUUID(),
                eServiceId,
                sample.occurredAt(),
                sample.requestId(),
                sample.kind(),
                sample.eServiceName(),
                sample.versionId(),
                sample.versionLabel(),
                sample.reviewId(),
                sample.supersededVersionId());
    }

    static Person person(String personId) {
        return new Person(personId, "Test Person", personId + "@kommun.example");
    }

    static HandlerGroupChanged groupWith(String eServiceId, Group group, Person... members) {
        HandlerGroupChanged sample = PermissionMother.handlerGroupCreated();
        return new HandlerGroupChanged(
                UUID.randomUUID(),
                group.groupId(),
                sample.occurredAt(),
                sample.requestId(),
                eServiceId,
                group.name(),
                sample.change(),
                null,
                List.of(members),
                List.of(),
                List.of(members),
                sample.changedBy());
    }

    static PermissionGranted groupGranted(String grantId, String eServiceId, Group group) {
        PermissionGranted sample = PermissionMother.handlerGroupGranted();
        return new PermissionGranted(
                UUID.randomUUID(),
                grantId,
                sample.occurredAt(),
                sample.requestId(),
                sample.role(),
                eServiceId,
                sample.eServiceName(),
                null,
                group,
                null,
                null,
                sample.decidedBy(),
                null);
    }

    static PermissionGranted personGranted(String grantId, PermissionRole role, String eServiceId, Person person) {
        PermissionGranted sample = PermissionMother.administratorGrantedAfterTraining();
        return new PermissionGranted(
                UUID.randomUUID(),
                grantId,
                sample.occurredAt(),
                sample.requestId(),
                role,
                eServiceId,
                sample.eServiceName(),
                person,
                null,
                null,
                null,
                sample.decidedBy(),
                sample.trainingCompletedOn());
    }

    static PermissionAwaitingTraining awaitingTraining(String grantId, String eServiceId, Person person) {
        PermissionAwaitingTraining sample = PermissionMother.administratorAwaitingTraining();
        return new PermissionAwaitingTraining(
                UUID.randomUUID(),
                grantId,
                sample.occurredAt(),
                sample.requestId(),
                sample.role(),
                eServiceId,
                sample.eServiceName(),
                person,
                null,
                null,
                sample.decidedBy());
    }

    static PermissionRevoked revoked(PermissionGranted granted) {
        PermissionRevoked sample = PermissionMother.editorRevokedOnRequest();
        return new PermissionRevoked(
                UUID.randomUUID(),
                granted.grantId(),
                sample.occurredAt(),
                sample.requestId(),
                granted.role(),
                granted.eServiceId(),
                granted.person(),
                granted.group(),
                sample.decidedBy(),
                sample.cause(),
                sample.reason());
    }

    static PermissionExpired expired(PermissionGranted granted) {
        PermissionExpired sample = PermissionMother.handlerGroupExpired();
        return new PermissionExpired(
                UUID.randomUUID(),
                granted.grantId(),
                sample.occurredAt(),
                granted.role(),
                granted.eServiceId(),
                granted.person(),
                granted.group(),
                sample.validUntil());
    }
}
