package se.municipality.eops.request.filing.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.PermissionRequest.Person;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PublicationRequest.PublicationKind;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.PurgeRequest.PurgeKind;
import se.municipality.eops.contract.request.RequestType;

/**
 * The rules a request must meet to be filed, beyond the shape checks of the API: which details go
 * with which request type, and what each kind of request cannot do without. The first broken rule
 * is reported with the JSON path of the field.
 */
public final class RequestRules {

    public static final int MAX_GROUP_MEMBERS = 500;
    public static final int MAX_TEXT = 200;
    public static final int MAX_MESSAGE = 4000;
    private static final Pattern E_SERVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private RequestRules() {}

    public static void check(RequestDetails details) {
        RequestType type = details.type();
        PublicationRequest publication = details.publication();
        PurgeRequest purge = details.purge();
        PermissionRequest permission = details.permission();
        if (type == null) {
            throw new RequestRuleViolation("type", "is required: PUBLICATION, PURGE or PERMISSION");
        }
        requireOnly(type, RequestType.PUBLICATION, "publication", publication);
        requireOnly(type, RequestType.PURGE, "purge", purge);
        requireOnly(type, RequestType.PERMISSION, "permission", permission);
        switch (type) {
            case PUBLICATION -> {
                checkPublication(publication);
                maxLength("publication.message", publication.message(), MAX_MESSAGE);
            }
            case PURGE -> {
                checkPurge(purge);
                maxLength("purge.message", purge.message(), MAX_MESSAGE);
            }
            case PERMISSION -> {
                checkPermission(permission);
                maxLength("permission.message", permission.message(), MAX_MESSAGE);
            }
        }
    }

    private static void requireOnly(RequestType type, RequestType owner, String field, Object details) {
        if (type == owner && details == null) {
            throw new RequestRuleViolation(field, "is required for a " + owner + " request");
        }
        if (type != owner && details != null) {
            throw new RequestRuleViolation(field, "must be left out of a " + type + " request");
        }
    }

    private static void checkPublication(PublicationRequest publication) {
        required("publication.kind", publication.kind());
        requiredText("publication.eServiceName", publication.eServiceName());
        // The administrator has built the e-service on the platform, so it has an id even unpublished.
        eServiceId("publication.eServiceId", publication.eServiceId());
        maxLength("publication.versionLabel", publication.versionLabel(), MAX_TEXT);
        if (publication.kind() == PublicationKind.NEW_ESERVICE) {
            requiredText("publication.committee", publication.committee());
            requiredText("publication.orderer", publication.orderer());
            List<PublicationRequest.ChecklistItem> checklist = publication.checklist();
            if (checklist == null || checklist.isEmpty()) {
                throw new RequestRuleViolation(
                        "publication.checklist", "is required for a new e-service: go through the checklist first");
            }
            for (int i = 0; i < checklist.size(); i++) {
                requiredText(
                        "publication.checklist[" + i + "].item",
                        checklist.get(i).item());
            }
        }
    }

    private static void checkPurge(PurgeRequest purge) {
        required("purge.kind", purge.kind());
        eServiceId("purge.eServiceId", purge.eServiceId());
        requiredText("purge.eServiceName", purge.eServiceName());
        if (purge.kind() == PurgeKind.RETENTION) {
            requiredText("purge.committee", purge.committee());
            requiredText("purge.purgeDecisionReference", purge.purgeDecisionReference());
        }
    }

    private static void checkPermission(PermissionRequest permission) {
        required("permission.change", permission.change());
        required("permission.role", permission.role());
        eServiceId("permission.eServiceId", permission.eServiceId());
        requiredText("permission.eServiceName", permission.eServiceName());
        if ((permission.person() == null) == (permission.group() == null)) {
            throw new RequestRuleViolation("permission", "name either a person or a group, not both or neither");
        }
        if (permission.group() != null) {
            if (permission.role() != PermissionRole.CASE_HANDLER) {
                throw new RequestRuleViolation(
                        "permission.group", "only case-handler permission can be given to a group");
            }
            requiredText("permission.group.name", permission.group().name());
            List<Person> members = permission.group().members();
            if (members == null || members.isEmpty()) {
                throw new RequestRuleViolation("permission.group.members", "must name at least one member");
            }
            if (members.size() > MAX_GROUP_MEMBERS) {
                throw new RequestRuleViolation(
                        "permission.group.members", "may name at most " + MAX_GROUP_MEMBERS + " members");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < members.size(); i++) {
                person("permission.group.members[" + i + "]", members.get(i));
                if (!seen.add(members.get(i).userId())) {
                    throw new RequestRuleViolation(
                            "permission.group.members[" + i + "].userId", "names the same person twice");
                }
            }
        } else {
            person("permission.person", permission.person());
        }
    }

    private static void person(String field, Person person) {
        if (person == null) {
            throw new RequestRuleViolation(field, "is required");
        }
        requiredText(field + ".userId", person.userId());
        requiredText(field + ".name", person.name());
        requiredText(field + ".email", person.email());
        if (!EMAIL.matcher(person.email()).matches()) {
            throw new RequestRuleViolation(field + ".email", "is not an e-mail address");
        }
    }

    private static void eServiceId(String field, String value) {
        requiredText(field, value);
        if (!E_SERVICE_ID.matcher(value).matches()) {
            throw new RequestRuleViolation(field, "must be 1–64 letters, digits or . _ : -");
        }
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw new RequestRuleViolation(field, "is required");
        }
    }

    private static void requiredText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new RequestRuleViolation(field, "is required");
        }
        maxLength(field, value, MAX_TEXT);
    }

    private static void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new RequestRuleViolation(field, "may be at most " + max + " characters");
        }
    }
}
