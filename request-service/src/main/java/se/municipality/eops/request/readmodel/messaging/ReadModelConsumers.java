package se.municipality.eops.request.readmodel.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import se.municipality.eops.contract.permission.HandlerGroupChanged;
import se.municipality.eops.contract.permission.PermissionAwaitingTraining;
import se.municipality.eops.contract.permission.PermissionExpired;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRevoked;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.contract.publication.EServicePublished;
import se.municipality.eops.contract.publication.EServiceRegistered;
import se.municipality.eops.request.filing.domain.Transition;
import se.municipality.eops.request.lifecycle.application.GrantEndings;
import se.municipality.eops.request.lifecycle.domain.DownstreamEvents;
import se.municipality.eops.request.readmodel.domain.ReadModels;
import se.municipality.eops.request.readmodel.persistence.ReadModelCollections;
import se.municipality.eops.starter.messaging.EventConsumers;
import se.municipality.eops.starter.messaging.EventEffects;
import se.municipality.eops.starter.messaging.IncomingEvent;

/**
 * Feeds the read models from publication-service's and permission-service's topics, each binding in
 * a consumer group of its own ({@code request-service-catalogue}, {@code request-service-permissions})
 * that starts at the earliest offset, so a fresh database replays the topics. Every write is one
 * upsert of the document the event is about that records the event ({@link EventEffects}), so a
 * redelivery changes nothing; one aggregate's events share a partition, so they arrive in order.
 *
 * <p>A grant's events arriving in order here is also why the end of a grant that was still waiting for training
 * (revoked, or expired: {@code PermissionExpired} names no request) ends the request it answered from here: the
 * grant's document says, before the end is applied, that it waited and for which request ({@link GrantEndings}).
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConsumers {

    /** Name the consumers in the starter's record of applied events; never rename them. */
    static final String CATALOGUE_CONSUMER = "request-catalogue";

    static final String PERMISSIONS_CONSUMER = "request-permissions";

    @Bean
    Consumer<Message<byte[]>> catalogueEvents(EventConsumers consumers, EventEffects effects) {
        return consumers
                .named(CATALOGUE_CONSUMER)
                .on(
                        EServiceRegistered.class,
                        incoming -> catalogue(
                                effects,
                                incoming,
                                incoming.event().eServiceId(),
                                incoming.event().eServiceName(),
                                incoming.event().versionLabel()))
                .on(
                        EServicePublished.class,
                        incoming -> catalogue(
                                effects,
                                incoming,
                                incoming.event().eServiceId(),
                                incoming.event().eServiceName(),
                                incoming.event().versionLabel()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> permissionEvents(
            EventConsumers consumers, EventEffects effects, ReadModels models, GrantEndings grantEndings) {
        return consumers
                .named(PERMISSIONS_CONSUMER)
                .on(PermissionGranted.class, incoming -> {
                    PermissionGranted event = incoming.event();
                    Update fields = grantFields(event.role().name(), event.eServiceId(), event.person());
                    if (event.requestId() != null) {
                        fields.set("requestId", event.requestId());
                    }
                    grant(
                            effects,
                            incoming,
                            event.grantId(),
                            fields.set(
                                            "groupId",
                                            event.group() == null
                                                    ? null
                                                    : event.group().groupId())
                                    .set(
                                            "groupName",
                                            event.group() == null
                                                    ? null
                                                    : event.group().name())
                                    .set(ReadModelCollections.VALID_UNTIL, event.validUntil())
                                    .set("status", ReadModelCollections.ACTIVE));
                })
                .on(PermissionAwaitingTraining.class, incoming -> {
                    PermissionAwaitingTraining event = incoming.event();
                    grant(
                            effects,
                            incoming,
                            event.grantId(),
                            grantFields(event.role().name(), event.eServiceId(), event.person())
                                    .set("requestId", event.requestId())
                                    .set(ReadModelCollections.VALID_UNTIL, event.validUntil())
                                    .set("status", ReadModelCollections.AWAITING_TRAINING));
                })
                .on(
                        PermissionRevoked.class,
                        incoming -> grantEnded(
                                effects,
                                models,
                                grantEndings,
                                incoming,
                                incoming.event().grantId(),
                                DownstreamEvents.awaitedGrantEnded(incoming.event())))
                .on(
                        PermissionExpired.class,
                        incoming -> grantEnded(
                                effects,
                                models,
                                grantEndings,
                                incoming,
                                incoming.event().grantId(),
                                DownstreamEvents.awaitedGrantEnded(incoming.event())))
                .on(HandlerGroupChanged.class, incoming -> {
                    HandlerGroupChanged event = incoming.event();
                    List<String> memberIds = event.members() == null
                            ? List.of()
                            : event.members().stream()
                                    .map(Person::personId)
                                    .filter(Objects::nonNull)
                                    .map(PersonIds::normalize)
                                    .toList();
                    effects.upsert(
                            incoming,
                            Query.query(where("_id").is(event.groupId())),
                            new Update()
                                    .set("eServiceId", event.eServiceId())
                                    .set("name", event.name())
                                    .set("memberIds", memberIds),
                            ReadModelCollections.HANDLER_GROUPS);
                })
                .build();
    }

    private static void catalogue(
            EventEffects effects, IncomingEvent<?> incoming, String eServiceId, String name, String versionLabel) {
        Update update = new Update();
        if (name != null) {
            update.set("name", name);
        }
        if (versionLabel != null) {
            update.addToSet("versions", versionLabel);
        } else {
            update.setOnInsert("versions", List.of());
        }
        effects.upsert(incoming, Query.query(where("_id").is(eServiceId)), update, ReadModelCollections.CATALOGUE);
    }

    private static Update grantFields(String role, String eServiceId, Person person) {
        return new Update()
                .set("role", role)
                .set("eServiceId", eServiceId)
                .set(
                        "personId",
                        person == null || person.personId() == null ? null : PersonIds.normalize(person.personId()));
    }

    /**
     * A grant ended (revoked or expired). The request the grant waited for first, then the grant: a redelivery after
     * the first write still finds the grant waiting and the request's write refuses the event applied before; one
     * after the second finds nothing waiting.
     */
    private static void grantEnded(
            EventEffects effects,
            ReadModels models,
            GrantEndings grantEndings,
            IncomingEvent<?> incoming,
            String grantId,
            Transition failing) {
        models.requestAwaitingTrainingOn(grantId)
                .ifPresent(requestId -> grantEndings.end(requestId, incoming, failing));
        grant(effects, incoming, grantId, new Update().set("status", ReadModelCollections.ENDED));
    }

    private static void grant(EventEffects effects, IncomingEvent<?> incoming, String grantId, Update update) {
        effects.upsert(incoming, Query.query(where("_id").is(grantId)), update, ReadModelCollections.GRANTS);
    }
}
