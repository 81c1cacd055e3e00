package se.municipality.eops.contract.publication;

/**
 * A member of the reference group as publication-service knows them.
 *
 * @param userId the directory user name normalised by {@code PersonIds.normalize}
 * @param name the display name, when known (from the person's own token)
 * @param email the e-mail address, when known (from the person's own token)
 */
public record Reviewer(String userId, String name, String email) {}
