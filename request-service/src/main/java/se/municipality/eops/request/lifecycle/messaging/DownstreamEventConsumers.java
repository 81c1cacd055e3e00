package se.municipality.eops.request.lifecycle.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.municipality.eops.contract.permission.HandlerGroupChanged;
import se.municipality.eops.contract.permission.PermissionAwaitingTraining;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRequestRefused;
import se.municipality.eops.contract.permission.PermissionRevoked;
import se.municipality.eops.contract.publication.EServicePublished;
import se.municipality.eops.contract.publication.PublicationBlocked;
import se.municipality.eops.contract.publication.ReviewApproved;
import se.municipality.eops.contract.publication.ReviewRejected;
import se.municipality.eops.contract.publication.ReviewRequested;
import se.municipality.eops.contract.purge.PurgeCompleted;
import se.municipality.eops.contract.purge.PurgeFailed;
import se.municipality.eops.contract.purge.PurgePlanApproved;
import se.municipality.eops.contract.purge.PurgePlanCreated;
import se.municipality.eops.contract.purge.PurgePlanExpired;
import se.municipality.eops.request.lifecycle.application.FollowDownstreamEvents;
import se.municipality.eops.starter.messaging.EventConsumers;

/**
 * Reads the topics of publication-, purge- and permission-service ({@code publicationStatusEvents-in-0},
 * {@code purgeStatusEvents-in-0}, {@code permissionStatusEvents-in-0}) and moves the requests they name. Each
 * binding has a consumer group of its own ({@code request-status}), so that other consumers of the same topics
 * in this service (read models) get every partition too. Failures are retried, then dead-lettered to
 * {@code error.<topic>.request-status}.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamEventConsumers {

    /** Name the consumers in the starter's record of applied events; never rename them. */
    static final String PUBLICATION = "request-status-publication";

    static final String PURGE = "request-status-purge";
    static final String PERMISSION = "request-status-permission";

    @Bean
    Consumer<Message<byte[]>> publicationStatusEvents(EventConsumers consumers, FollowDownstreamEvents follow) {
        return consumers
                .named(PUBLICATION)
                .on(ReviewRequested.class, follow::handle)
                .on(PublicationBlocked.class, follow::handle)
                .on(ReviewRejected.class, follow::handle)
                .on(ReviewApproved.class, follow::handle)
                .on(EServicePublished.class, follow::handle)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> purgeStatusEvents(EventConsumers consumers, FollowDownstreamEvents follow) {
        return consumers
                .named(PURGE)
                .on(PurgePlanCreated.class, follow::handle)
                .on(PurgePlanApproved.class, follow::handle)
                .on(PurgeCompleted.class, follow::handle)
                .on(PurgeFailed.class, follow::handle)
                .on(PurgePlanExpired.class, follow::handle)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> permissionStatusEvents(EventConsumers consumers, FollowDownstreamEvents follow) {
        return consumers
                .named(PERMISSION)
                .on(PermissionAwaitingTraining.class, follow::handle)
                .on(PermissionGranted.class, follow::handle)
                .on(PermissionRevoked.class, follow::handle)
                .on(PermissionRequestRefused.class, follow::handle)
                .on(HandlerGroupChanged.class, follow::handle)
                .build();
    }
}
