package se.municipality.eops.request.filing.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import se.municipality.eops.contract.EmailAddresses;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.PermissionRequest.Person;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PublicationRequest.ChecklistItem;
import se.municipality.eops.contract.request.PublicationRequest.PublicationKind;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.PurgeRequest.PurgeKind;
import se.municipality.eops.contract.request.RequestType;

/**
 * The rules a request must meet to be filed, beyond the shape checks of the API: how long every
 * text and list may be, which details go with which request type, and what each kind of request
 * cannot do without. The first broken rule is reported with the JSON path of the field.
 *
 * <p>The limits are the one place that bounds what a request may hold, whatever its kind, so the
 * event it causes always fits a Kafka record (1 MB by default): the largest valid request makes a
 * {@code RequestSubmitted} of 555 KB when every character takes three bytes in UTF-8.
 * Lengths count characters (UTF-16 code units, as {@link String#length()}). Texts may not hold
 * control characters (a message may hold line breaks and tabs), which also bounds how much JSON
 * escaping can add, nor half characters (unpaired surrogates), which no UTF-8 event can carry.
 */
public final class RequestRules {

    /** The platform's e-service id: letters, digits and {@code . _ : -}. */
    public static final int MAX_E_SERVICE_ID = 64;
    /** E-service names, committees, orderers, purge decision references, group and person names. */
    public static final int MAX_NAME = 200;

    public static final int MAX_VERSION_LABEL = 50;
    public static final int MAX_CHECKLIST_ITEMS = 100;
    public static final int MAX_CHECKLIST_ITEM = 200;
    public static final int MAX_MESSAGE = 4000;
    public static final int MAX_GROUP_MEMBERS = 500;
    /** A person's id in the directory (the identity provider's subject). */
    public static final int MAX_USER_ID = 64;
    /** The longest e-mail address an SMTP path allows. */
    public static final int MAX_EMAIL = EmailAddresses.MAX_LENGTH;

    /** A checklist item's id, as publication-service's checklist gives it. */
    public static final int MAX_CHECKLIST_ITEM_ID = 64;

    private static final Pattern CHECKLIST_ITEM_ID =
            Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_CHECKLIST_ITEM_ID + "}");
    private static final Pattern E_SERVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_E_SERVICE_ID + "}");

    private RequestRules() {}

    /** {@link #check(RequestDetails)}, and what depends on when the request is filed: an end in the future. */
    public static void check(RequestDetails details, Instant now) {
        check(details);
        PermissionRequest permission = details.permission();
        if (permission != null
                && permission.validUntil() != null
                && !permission.validUntil().isAfter(now)) {
            throw new RequestRuleViolation("permission.validUntil", "must be in the future");
        }
    }

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
                boundPublication(publication);
                checkPublication(publication);
            }
            case PURGE -> {
                boundPurge(purge);
                checkPurge(purge);
            }
            case PERMISSION -> {
                boundPermission(permission);
                checkPermission(permission);
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

    // Every field is bounded whatever the kind of request, before any other rule: a field the kind
    // does not use still travels in the event.

    private static void boundPublication(PublicationRequest publication) {
        text("publication.eServiceName", publication.eServiceName(), MAX_NAME);
        text("publication.versionLabel", publication.versionLabel(), MAX_VERSION_LABEL);
        text("publication.committee", publication.committee(), MAX_NAME);
        text("publication.orderer", publication.orderer(), MAX_NAME);
        List<ChecklistItem> checklist = publication.checklist();
        if (checklist != null) {
            if (checklist.size() > MAX_CHECKLIST_ITEMS) {
                throw new RequestRuleViolation(
                        "publication.checklist", "may hold at most " + MAX_CHECKLIST_ITEMS + " items");
            }
            for (int i = 0; i < checklist.size(); i++) {
                String field = "publication.checklist[" + i + "]";
                required(field, checklist.get(i));
                text(field + ".item", checklist.get(i).item(), MAX_CHECKLIST_ITEM);
                checklistItemId(field + ".itemId", checklist.get(i).itemId());
            }
        }
        message("publication.message", publication.message());
    }

    private static void boundPurge(PurgeRequest purge) {
        text("purge.eServiceName", purge.eServiceName(), MAX_NAME);
        text("purge.committee", purge.committee(), MAX_NAME);
        text("purge.purgeDecisionReference", purge.purgeDecisionReference(), MAX_NAME);
        message("purge.message", purge.message());
    }

    private static void boundPermission(PermissionRequest permission) {
        text("permission.eServiceName", permission.eServiceName(), MAX_NAME);
        if (permission.person() != null) {
            boundPerson("permission.person", permission.person());
        }
        if (permission.group() != null) {
            text("permission.group.name", permission.group().name(), MAX_NAME);
            List<Person> members = permission.group().members();
            if (members != null) {
                if (members.size() > MAX_GROUP_MEMBERS) {
                    throw new RequestRuleViolation(
                            "permission.group.members", "may name at most " + MAX_GROUP_MEMBERS + " members");
                }
                for (int i = 0; i < members.size(); i++) {
                    String field = "permission.group.members[" + i + "]";
                    required(field, members.get(i));
                    boundPerson(field, members.get(i));
                }
            }
        }
        message("permission.message", permission.message());
    }

    private static void boundPerson(String field, Person person) {
        text(field + ".userId", person.userId(), MAX_USER_ID);
        text(field + ".name", person.name(), MAX_NAME);
        text(field + ".email", person.email(), MAX_EMAIL);
    }

    private static void checkPublication(PublicationRequest publication) {
        required("publication.kind", publication.kind());
        requiredText("publication.eServiceName", publication.eServiceName());
        // The administrator has built the e-service on the platform, so it has an id even unpublished.
        eServiceId("publication.eServiceId", publication.eServiceId());
        if (publication.kind() == PublicationKind.NEW_ESERVICE) {
            requiredText("publication.committee", publication.committee());
            requiredText("publication.orderer", publication.orderer());
            List<ChecklistItem> checklist = publication.checklist();
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
        if (permission.validUntil() != null && permission.change() != PermissionRequest.Change.GRANT) {
            throw new RequestRuleViolation("permission.validUntil", "only a grant can have an end");
        }
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
        requiredText(field + ".userId", person.userId());
        requiredText(field + ".name", person.name());
        requiredText(field + ".email", person.email());
        // The same rule as the event's schema, so no consumer ever dead-letters what we accepted.
        if (!EmailAddresses.isValid(person.email())) {
            throw new RequestRuleViolation(
                    field + ".email", "is not an e-mail address we can send to (plain ASCII, such as name@kommun.se)");
        }
    }

    private static void eServiceId(String field, String value) {
        requiredText(field, value);
        if (!E_SERVICE_ID.matcher(value).matches()) {
            throw new RequestRuleViolation(
                    field, "must be 1–" + MAX_E_SERVICE_ID + " letters, digits or . _ : - (no spaces)");
        }
    }

    /** Optional: answers without it are matched to the checklist by their text (publication-service). */
    private static void checklistItemId(String field, String value) {
        if (value != null && !CHECKLIST_ITEM_ID.matcher(value).matches()) {
            throw new RequestRuleViolation(
                    field, "must be 1–" + MAX_CHECKLIST_ITEM_ID + " letters, digits or . _ : - (no spaces)");
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
    }

    private static void text(String field, String value, int max) {
        maxLength(field, value, max);
        if (value != null && hasForbiddenCharacters(value, false)) {
            throw new RequestRuleViolation(
                    field, "may not contain control characters such as line breaks, or half characters");
        }
    }

    private static void message(String field, String value) {
        maxLength(field, value, MAX_MESSAGE);
        if (value != null && hasForbiddenCharacters(value, true)) {
            throw new RequestRuleViolation(
                    field, "may not contain control characters other than line breaks and tabs, or half characters");
        }
    }

    /**
     * Control characters, and half of a character (a UTF-16 surrogate without its other half, which a
     * JSON escape of a lone surrogate can make): no UTF-8 can carry it on to the event.
     */
    private static boolean hasForbiddenCharacters(String value, boolean lineBreaksAndTabsAllowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                if (!(lineBreaksAndTabsAllowed && (c == '\n' || c == '\r' || c == '\t'))) {
                    return true;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new RequestRuleViolation(field, "may be at most " + max + " characters");
        }
    }
}
