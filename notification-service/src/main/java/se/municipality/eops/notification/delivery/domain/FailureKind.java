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
     * Every try failed on something that may pass (a 4xx: a recipient the server keeps deferring) for the
     * configured give-up time, while the channel took other notifications: it is this notification the channel will
     * not take, and it must not be tried on for ever. {@code NotificationFailed} says so, for a person to look at.
     * Unlike the other kinds, a claim of it would start a new round (the mail never went out); nothing claims a
     * failed notification today (the sweep takes pending ones only, and a redelivered event finds its id taken).
     */
    GAVE_UP
}
