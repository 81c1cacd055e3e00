package se.municipality.eops.contract.permission;

/**
 * A person a grant is for.
 *
 * @param personId the directory user name normalised by {@link PersonIds#normalize(String)}
 * @param name the display name, as last known
 * @param email the e-mail address, as last known
 */
public record Person(String personId, String name, String email) {}
