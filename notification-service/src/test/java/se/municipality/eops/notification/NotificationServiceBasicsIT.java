package se.municipality.eops.notification;

import se.municipality.eops.testkit.ServiceBasicsContract;

class NotificationServiceBasicsIT extends ServiceBasicsContract {

    NotificationServiceBasicsIT() {
        super("notification-service", "eops-notification", "Notification service");
    }
}
