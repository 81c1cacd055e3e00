package se.municipality.eops.contract.notification;

/** How a notification reaches its recipient. Consumers must expect new channels to be added. */
public enum Channel {
    EMAIL,
    /** An HTTP POST of a signed JSON body to a group's webhook (e.g. a team chat); the recipient is the group. */
    WEBHOOK
}
