package se.municipality.eops.contract.notification;

/** How a notification reaches its recipient. Consumers must expect new channels to be added. */
public enum Channel {
    EMAIL
}
