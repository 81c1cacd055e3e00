package se.municipality.eops.permission.grant.domain;

import se.municipality.eops.contract.permission.PermissionRequestRefused;

/** The refused permission requests, one per request. */
public interface Refusals {

    /** @return false if that request was refused before */
    boolean record(PermissionRequestRefused refusal);

    boolean exists(String requestId);
}
