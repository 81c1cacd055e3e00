package se.municipality.eops.portal.services;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * notification-service's API as the portal uses it: what notification-service tells about mails and webhooks. Add a method per call a page makes, with a record
 * for what it reads.
 */
@Component
public class NotificationServiceClient {

    private final RestClient notification;

    NotificationServiceClient(ServiceClients.ServiceRestClients clients) {
        this.notification = clients.forService("notification");
    }
}
