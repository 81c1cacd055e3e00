package se.municipality.eops.permission.grant.domain;

import java.util.List;
import java.util.Optional;
import se.municipality.eops.contract.permission.PermissionRequestRefused.ReasonCode;
import se.municipality.eops.contract.permission.PermissionRole;

/**
 * Why a permission request cannot be carried out, in code and in words. The rules are the issue's:
 * nobody is granted what they already have (directly or, for case handlers, through a group), nothing
 * is revoked that was never granted, and groups hold the case-handler role only.
 *
 * @param existingGrantId for ALREADY_GRANTED: the grant the holder already has
 */
public record Refusal(ReasonCode code, String reason, String existingGrantId) {

    /** Refuses a grant of {@code role} to a group unless it is the case-handler role. */
    public static Optional<Refusal> ofGroupGrant(PermissionRole role, String eServiceId) {
        if (role != PermissionRole.CASE_HANDLER) {
            return Optional.of(new Refusal(
                    ReasonCode.GROUP_ROLE_NOT_ALLOWED,
                    "Groups hold the case-handler role only, not " + role + "; ask for each person instead",
                    null));
        }
        return eServiceMissing(role, eServiceId);
    }

    /**
     * Refuses a grant to a person who already holds (or awaits training for) the role there.
     *
     * @param open the person's open grants of that role on that e-service
     * @param viaGroups for case handlers: the open handler grants of the person's groups there
     */
    public static Optional<Refusal> ofPersonGrant(
            PermissionRole role, String eServiceId, String personId, List<Grant> open, List<Grant> viaGroups) {
        Optional<Refusal> missing = eServiceMissing(role, eServiceId);
        if (missing.isPresent()) {
            return missing;
        }
        if (!open.isEmpty()) {
            Grant existing = open.get(0);
            String how = existing.status() == GrantStatus.AWAITING_TRAINING ? " (awaiting training)" : "";
            return Optional.of(new Refusal(
                    ReasonCode.ALREADY_GRANTED,
                    personId + " already has " + role + where(eServiceId) + how,
                    existing.id()));
        }
        if (!viaGroups.isEmpty()) {
            Grant existing = viaGroups.get(0);
            return Optional.of(new Refusal(
                    ReasonCode.ALREADY_GRANTED,
                    personId + " already is a case handler" + where(eServiceId) + " through the group "
                            + existing.holder().group().name(),
                    existing.id()));
        }
        return Optional.empty();
    }

    /** Refuses to revoke what the person or group does not hold. */
    public static Refusal notGranted(PermissionRole role, String eServiceId, String holder, List<Grant> viaGroups) {
        String groups = viaGroups.isEmpty()
                ? ""
                : "; they are a case handler through the group "
                        + viaGroups.get(0).holder().group().name() + ", so remove them from it instead";
        return new Refusal(
                ReasonCode.NOT_GRANTED, holder + " does not have " + role + where(eServiceId) + groups, null);
    }

    public static Refusal groupAlreadyGranted(String groupName, String eServiceId, String grantId) {
        return new Refusal(
                ReasonCode.ALREADY_GRANTED,
                "The group " + groupName + " already has CASE_HANDLER" + where(eServiceId)
                        + " and every person named is a member",
                grantId);
    }

    private static Optional<Refusal> eServiceMissing(PermissionRole role, String eServiceId) {
        if (role != PermissionRole.ADMINISTRATOR && (eServiceId == null || eServiceId.isBlank())) {
            return Optional.of(new Refusal(
                    ReasonCode.E_SERVICE_MISSING, role + " is a role on one e-service; name the e-service", null));
        }
        return Optional.empty();
    }

    private static String where(String eServiceId) {
        return eServiceId == null ? "" : " on " + eServiceId;
    }
}
