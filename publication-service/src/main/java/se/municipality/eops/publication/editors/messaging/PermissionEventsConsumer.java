package se.municipality.eops.publication.editors.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.municipality.eops.contract.permission.PermissionExpired;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRevoked;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.publication.editors.persistence.MongoEditorGrants;
import se.municipality.eops.starter.messaging.EventConsumers;

/**
 * Reads permission-service's topic ({@code permissionEvents-in-0}, group publication-service) and keeps the
 * editor grants; other roles and group grants (case handlers only) are not this service's concern.
 */
@Configuration(proxyBeanMethods = false)
class PermissionEventsConsumer {

    /** Names this consumer in the record of applied events; never rename it. */
    static final String CONSUMER_NAME = "publication-editors";

    @Bean
    Consumer<Message<byte[]>> permissionEvents(EventConsumers consumers, MongoEditorGrants grants) {
        return consumers
                .named(CONSUMER_NAME)
                .on(PermissionGranted.class, incoming -> {
                    if (incoming.event().role() == PermissionRole.EDITOR
                            && incoming.event().person() != null
                            && incoming.event().eServiceId() != null) {
                        grants.granted(incoming);
                    }
                })
                .on(PermissionRevoked.class, incoming -> {
                    if (incoming.event().role() == PermissionRole.EDITOR) {
                        grants.revoked(incoming);
                    }
                })
                .on(PermissionExpired.class, incoming -> {
                    if (incoming.event().role() == PermissionRole.EDITOR) {
                        grants.expired(incoming);
                    }
                })
                .build();
    }
}
