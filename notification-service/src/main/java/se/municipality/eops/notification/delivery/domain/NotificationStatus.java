package se.municipality.eops.notification.delivery.domain;

/** Where a notification stands. Only {@link #PENDING} can still change. */
public enum NotificationStatus {
    /** Claimed by a delivery attempt, or released by one that failed and waits for the next. */
    PENDING,
    /** The channel accepted it (for e-mail: the SMTP server said 250). Final. */
    SENT,
    /** Not delivered: rejected for good, or given up after the attempts (see {@link FailureKind}). */
    FAILED
}
