/**
 * The receipt: when a request is submitted, its requester gets one e-mail saying it arrived, and the
 * suite hears {@code NotificationSent} (or {@code NotificationFailed}). The {@code Notification}
 * aggregate here is what makes the mail go out once however often the event is delivered.
 */
package se.municipality.eops.notification.delivery;
