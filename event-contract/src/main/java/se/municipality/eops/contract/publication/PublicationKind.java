package se.municipality.eops.contract.publication;

/** Whether an entirely new e-service or a new version of a published one was published. */
public enum PublicationKind {
    NEW_ESERVICE,
    NEW_VERSION
}
