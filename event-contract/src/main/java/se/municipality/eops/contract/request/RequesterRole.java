package se.municipality.eops.contract.request;

/** The roles allowed to file requests. */
public enum RequesterRole {
    ESERVICE_ADMINISTRATOR,
    ESERVICE_AMBASSADOR
}
