package se.municipality.eops.contract.permission;

import java.time.Instant;

/** One grant on an access review's list. */
public record ReviewedGrant(String grantId, PermissionRole role, Person person, Group group, Instant validUntil) {}
