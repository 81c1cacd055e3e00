package se.municipality.eops.notification.delivery.domain;

/** What a delivery attempt may do with a notification. */
public enum ClaimOutcome {
    /** The attempt owns the notification until its claim expires and must send it now. */
    CLAIMED,
    /** Sent or finally failed before: nothing to do. */
    ALREADY_DONE,
    /** Another attempt owns it and its claim has not expired: try again later. */
    IN_PROGRESS
}
