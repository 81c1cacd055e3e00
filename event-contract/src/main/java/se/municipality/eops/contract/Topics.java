package se.municipality.eops.contract;

/** One topic per publishing service; the inbound topic is where the e-service platform publishes. */
public final class Topics {

    public static final String REQUEST_EVENTS = "eops.request.events";
    public static final String PUBLICATION_EVENTS = "eops.publication.events";
    public static final String PURGE_EVENTS = "eops.purge.events";
    public static final String PERMISSION_EVENTS = "eops.permission.events";
    public static final String NOTIFICATION_EVENTS = "eops.notification.events";
    public static final String PLATFORM_CASE_EVENTS = "eops.platform.case-events";

    private Topics() {}
}
