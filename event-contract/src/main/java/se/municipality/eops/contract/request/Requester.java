package se.municipality.eops.contract.request;

/**
 * Who filed the request, as the identity provider vouched for it.
 *
 * @param userId the token's subject
 * @param role the requester role the request was filed under (e-service administrator or ambassador)
 */
public record Requester(String userId, String name, String email, RequesterRole role) {}
