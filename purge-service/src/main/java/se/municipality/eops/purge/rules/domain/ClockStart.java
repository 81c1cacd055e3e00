package se.municipality.eops.purge.rules.domain;

/** What starts a case's retention period. */
public enum ClockStart {
    /** The case was submitted. */
    SUBMITTED,
    /** The case was closed; an open case is never due. */
    CLOSED
}
