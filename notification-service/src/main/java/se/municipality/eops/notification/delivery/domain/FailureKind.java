package se.municipality.eops.notification.delivery.domain;

/** Why a notification failed, which decides whether a later delivery of its event may try again. */
public enum FailureKind {
    /** The server refused the recipient; sending again gives the same answer. Final. */
    REJECTED,
    /**
     * The message went out whole more than once without an answer (a server silent after the final "."): it
     * may have been delivered. Final: sending on could mean copy after copy; {@code NotificationFailed} says so.
     */
    OUTCOME_UNKNOWN,
    /**
     * Every attempt failed on something passing (server down, timeout). A redelivery of the event,
     * typically a replay from the dead-letter topic once the cause is fixed, starts a new round.
     */
    GAVE_UP
}
