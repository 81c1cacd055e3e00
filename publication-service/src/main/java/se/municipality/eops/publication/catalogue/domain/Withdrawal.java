package se.municipality.eops.publication.catalogue.domain;

/**
 * What the withdrawal of a publication request, or its rejection by the central team, did to the version the request
 * created.
 */
public enum Withdrawal {
    /** The version was in review or approved; it is withdrawn now and its review is closed. */
    WITHDRAWN,
    /** The version was withdrawn before (the same withdrawal or rejection again): nothing changed. */
    WITHDRAWN_BEFORE,
    /** The version had gone its way already (published, rejected, blocked or superseded): it stays so. */
    TOO_LATE,
    /** No version of the e-service answers the request. */
    NO_SUCH_REQUEST
}
