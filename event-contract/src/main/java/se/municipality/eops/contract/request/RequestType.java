package se.municipality.eops.contract.request;

/** What a request is about; names the details object of {@link RequestSubmitted} that is set. */
public enum RequestType {
    PUBLICATION,
    PURGE,
    PERMISSION
}
