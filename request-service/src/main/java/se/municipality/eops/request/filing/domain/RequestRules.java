package se.municipality.eops.request.filing.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import se.municipality.eops.contract.EmailAddresses;
import se.municipality.eops.contract.permission.PersonIds;
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
 * cannot do without. Every broken rule is reported with the JSON path of its field, the first one
 * per field; {@link #check} throws the first of them.
 *
 * <p>The limits are the one place that bounds what a request may hold, whatever its kind, so the
 * event it causes always fits a Kafka record (1 MB by default): the largest valid request makes a
 * {@code RequestSubmitted} of 555 KB when every character takes three bytes in UTF-8.
 * Lengths count characters (UTF-16 code units, as {@link String#length()}). Texts may not hold
 * control characters (a message may hold line breaks and tabs), which also bounds how much JSON
 * escaping can add, nor half characters (unpaired surrogates), which no UTF-8 event can carry.
 */
public final class RequestRules {

    /** A request (or draft) without a type: the one thing every step needs first. */
    public static final FieldViolation TYPE_REQUIRED = new FieldViolation(
            "type",
            "is required: PUBLICATION, PURGE or PERMISSION",
            ViolationCodes.REQUIRED,
            Map.of("allowed", "PUBLICATION, PURGE, PERMISSION"));

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

    /**
     * A user id a person types after filing (the assignee): the rule of a person's {@code userId} in a request (at
     * most {@link #MAX_USER_ID} characters, no control or half characters), and no spaces or punctuation but
     * {@code . _ @ : -}, as the identity provider's subjects are.
     */
    private static final Pattern USER_ID = Pattern.compile("[\\p{L}\\p{N}._@:-]{1," + MAX_USER_ID + "}");

    private static final Pattern CHECKLIST_ITEM_ID =
            Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_CHECKLIST_ITEM_ID + "}");
    private static final Pattern E_SERVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_E_SERVICE_ID + "}");

    private RequestRules() {}

    /** {@link #check(RequestDetails)}, and what depends on when the request is filed: an end in the future. */
    public static void check(RequestDetails details, Instant now) {
        throwFirst(violations(details, now));
    }

    public static void check(RequestDetails details) {
        throwFirst(violations(details));
    }

    /**
     * Every broken rule, at most one per field, in the order {@link #check} meets them (so its
     * first is the one {@code check} throws): a form step judges the ones of its own fields.
     */
    public static List<FieldViolation> violations(RequestDetails details, Instant now) {
        Findings findings = new Findings();
        collect(details, findings);
        PermissionRequest permission = details.permission();
        if (permission != null
                && permission.validUntil() != null
                && !permission.validUntil().isAfter(now)) {
            findings.add("permission.validUntil", "must be in the future", ViolationCodes.NOT_IN_FUTURE);
        }
        return findings.list();
    }

    public static List<FieldViolation> violations(RequestDetails details) {
        Findings findings = new Findings();
        collect(details, findings);
        return findings.list();
    }

    /**
     * The rule of a text typed after filing (a comment, a withdrawal's or rejection's reason), the same as a request's
     * message: at most {@code max} characters, no control characters but line breaks and tabs, no half characters.
     * Blank or absent keeps it (whether it is required is the caller's to say, {@link #requiredViolation}).
     */
    public static Optional<FieldViolation> messageViolation(String field, String value, int max) {
        Findings findings = new Findings();
        message(field, value, max, findings);
        return findings.first();
    }

    /** A user id typed after filing (the assignee): required, and {@link #USER_ID}'s form. */
    public static Optional<FieldViolation> userIdViolation(String field, String value) {
        Findings findings = new Findings();
        if (requiredText(field, value, findings) && !USER_ID.matcher(value).matches()) {
            findings.add(
                    field,
                    "must be a user id: 1–" + MAX_USER_ID + " letters, digits or . _ @ : - (no spaces)",
                    ViolationCodes.NOT_AN_ID,
                    Map.of("max", MAX_USER_ID));
        }
        return findings.first();
    }

    /** A text that is required and absent or blank. */
    public static FieldViolation requiredViolation(String field) {
        return new FieldViolation(field, "is required", ViolationCodes.REQUIRED);
    }

    private static void throwFirst(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new RequestRuleViolation(violations.get(0));
        }
    }

    private static void collect(RequestDetails details, Findings findings) {
        RequestType type = details.type();
        PublicationRequest publication = details.publication();
        PurgeRequest purge = details.purge();
        PermissionRequest permission = details.permission();
        if (type == null) {
            findings.add(TYPE_REQUIRED);
            return;
        }
        requireOnly(type, RequestType.PUBLICATION, "publication", publication, findings);
        requireOnly(type, RequestType.PURGE, "purge", purge, findings);
        requireOnly(type, RequestType.PERMISSION, "permission", permission, findings);
        switch (type) {
            case PUBLICATION -> {
                if (publication != null) {
                    boundPublication(publication, findings);
                    checkPublication(publication, findings);
                }
            }
            case PURGE -> {
                if (purge != null) {
                    boundPurge(purge, findings);
                    checkPurge(purge, findings);
                }
            }
            case PERMISSION -> {
                if (permission != null) {
                    boundPermission(permission, findings);
                    checkPermission(permission, findings);
                }
            }
        }
    }

    private static void requireOnly(
            RequestType type, RequestType owner, String field, Object details, Findings findings) {
        if (type == owner && details == null) {
            findings.add(
                    field,
                    "is required for a " + owner + " request",
                    ViolationCodes.REQUIRED,
                    Map.of("type", owner.name()));
        }
        if (type != owner && details != null) {
            findings.add(
                    field,
                    "must be left out of a " + type + " request",
                    ViolationCodes.NOT_FOR_TYPE,
                    Map.of("type", type.name()));
        }
    }

    // Every field is bounded whatever the kind of request, before any other rule: a field the kind
    // does not use still travels in the event.

    private static void boundPublication(PublicationRequest publication, Findings findings) {
        text("publication.eServiceName", publication.eServiceName(), MAX_NAME, findings);
        text("publication.versionLabel", publication.versionLabel(), MAX_VERSION_LABEL, findings);
        text("publication.committee", publication.committee(), MAX_NAME, findings);
        text("publication.orderer", publication.orderer(), MAX_NAME, findings);
        List<ChecklistItem> checklist = publication.checklist();
        if (checklist != null) {
            if (checklist.size() > MAX_CHECKLIST_ITEMS) {
                findings.add(
                        "publication.checklist",
                        "may hold at most " + MAX_CHECKLIST_ITEMS + " items",
                        ViolationCodes.TOO_MANY,
                        Map.of("max", MAX_CHECKLIST_ITEMS));
            }
            for (int i = 0; i < checklist.size(); i++) {
                String field = "publication.checklist[" + i + "]";
                if (required(field, checklist.get(i), findings)) {
                    text(field + ".item", checklist.get(i).item(), MAX_CHECKLIST_ITEM, findings);
                    checklistItemId(field + ".itemId", checklist.get(i).itemId(), findings);
                }
            }
        }
        message("publication.message", publication.message(), findings);
    }

    private static void boundPurge(PurgeRequest purge, Findings findings) {
        text("purge.eServiceName", purge.eServiceName(), MAX_NAME, findings);
        text("purge.committee", purge.committee(), MAX_NAME, findings);
        text("purge.purgeDecisionReference", purge.purgeDecisionReference(), MAX_NAME, findings);
        message("purge.message", purge.message(), findings);
    }

    private static void boundPermission(PermissionRequest permission, Findings findings) {
        text("permission.eServiceName", permission.eServiceName(), MAX_NAME, findings);
        if (permission.person() != null) {
            boundPerson("permission.person", permission.person(), findings);
        }
        if (permission.group() != null) {
            text("permission.group.name", permission.group().name(), MAX_NAME, findings);
            List<Person> members = permission.group().members();
            if (members != null) {
                if (members.size() > MAX_GROUP_MEMBERS) {
                    findings.add(
                            "permission.group.members",
                            "may name at most " + MAX_GROUP_MEMBERS + " members",
                            ViolationCodes.TOO_MANY,
                            Map.of("max", MAX_GROUP_MEMBERS));
                }
                for (int i = 0; i < members.size(); i++) {
                    String field = "permission.group.members[" + i + "]";
                    if (required(field, members.get(i), findings)) {
                        boundPerson(field, members.get(i), findings);
                    }
                }
            }
        }
        message("permission.message", permission.message(), findings);
    }

    private static void boundPerson(String field, Person person, Findings findings) {
        text(field + ".userId", person.userId(), MAX_USER_ID, findings);
        text(field + ".name", person.name(), MAX_NAME, findings);
        text(field + ".email", person.email(), MAX_EMAIL, findings);
    }

    private static void checkPublication(PublicationRequest publication, Findings findings) {
        required("publication.kind", publication.kind(), findings);
        requiredText("publication.eServiceName", publication.eServiceName(), findings);
        // The administrator has built the e-service on the platform, so it has an id even unpublished.
        eServiceId("publication.eServiceId", publication.eServiceId(), findings);
        if (publication.kind() == PublicationKind.NEW_VERSION) {
            // publication-service blocks a new version without a label of its own: say so at the door.
            requiredText("publication.versionLabel", publication.versionLabel(), findings);
        }
        if (publication.kind() == PublicationKind.NEW_ESERVICE) {
            requiredText("publication.committee", publication.committee(), findings);
            requiredText("publication.orderer", publication.orderer(), findings);
            List<ChecklistItem> checklist = publication.checklist();
            if (checklist == null || checklist.isEmpty()) {
                findings.add(
                        "publication.checklist",
                        "is required for a new e-service: go through the checklist first",
                        ViolationCodes.CHECKLIST_REQUIRED);
                return;
            }
            for (int i = 0; i < checklist.size(); i++) {
                if (checklist.get(i) != null) {
                    requiredText(
                            "publication.checklist[" + i + "].item",
                            checklist.get(i).item(),
                            findings);
                }
            }
        }
    }

    private static void checkPurge(PurgeRequest purge, Findings findings) {
        required("purge.kind", purge.kind(), findings);
        eServiceId("purge.eServiceId", purge.eServiceId(), findings);
        requiredText("purge.eServiceName", purge.eServiceName(), findings);
        if (purge.kind() == PurgeKind.RETENTION) {
            requiredText("purge.committee", purge.committee(), findings);
            requiredText("purge.purgeDecisionReference", purge.purgeDecisionReference(), findings);
        }
    }

    private static void checkPermission(PermissionRequest permission, Findings findings) {
        required("permission.change", permission.change(), findings);
        required("permission.role", permission.role(), findings);
        if (permission.validUntil() != null && permission.change() != PermissionRequest.Change.GRANT) {
            findings.add("permission.validUntil", "only a grant can have an end", ViolationCodes.END_ONLY_FOR_GRANT);
        }
        eServiceId("permission.eServiceId", permission.eServiceId(), findings);
        requiredText("permission.eServiceName", permission.eServiceName(), findings);
        if ((permission.person() == null) == (permission.group() == null)) {
            findings.add(
                    "permission",
                    "name either a person or a group, not both or neither",
                    ViolationCodes.PERSON_OR_GROUP);
            return;
        }
        if (permission.group() != null) {
            if (permission.role() != PermissionRole.CASE_HANDLER) {
                findings.add(
                        "permission.group",
                        "only case-handler permission can be given to a group",
                        ViolationCodes.GROUP_ONLY_CASE_HANDLER);
            }
            requiredText("permission.group.name", permission.group().name(), findings);
            List<Person> members = permission.group().members();
            if (members == null || members.isEmpty()) {
                findings.add("permission.group.members", "must name at least one member", ViolationCodes.NO_MEMBERS);
                return;
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i) == null) {
                    continue;
                }
                person("permission.group.members[" + i + "]", members.get(i), findings);
                // The same person as permission-service tells people apart: "Anna" and " anna" are one.
                String userId = members.get(i).userId();
                if (userId != null && !userId.isBlank() && !seen.add(PersonIds.normalize(userId))) {
                    findings.add(
                            "permission.group.members[" + i + "].userId",
                            "names the same person twice",
                            ViolationCodes.DUPLICATE_MEMBER);
                }
            }
        } else {
            person("permission.person", permission.person(), findings);
        }
    }

    private static void person(String field, Person person, Findings findings) {
        requiredText(field + ".userId", person.userId(), findings);
        requiredText(field + ".name", person.name(), findings);
        // The same rule as the event's schema, so no consumer ever dead-letters what we accepted.
        if (requiredText(field + ".email", person.email(), findings) && !EmailAddresses.isValid(person.email())) {
            findings.add(
                    field + ".email",
                    "is not an e-mail address we can send to (plain ASCII, such as name@kommun.se)",
                    ViolationCodes.NOT_AN_EMAIL);
        }
    }

    private static void eServiceId(String field, String value, Findings findings) {
        if (requiredText(field, value, findings) && !E_SERVICE_ID.matcher(value).matches()) {
            findings.add(
                    field,
                    "must be 1–" + MAX_E_SERVICE_ID + " letters, digits or . _ : - (no spaces)",
                    ViolationCodes.NOT_AN_ID,
                    Map.of("max", MAX_E_SERVICE_ID));
        }
    }

    /** Optional: answers without it are matched to the checklist by their text (publication-service). */
    private static void checklistItemId(String field, String value, Findings findings) {
        if (value != null && !CHECKLIST_ITEM_ID.matcher(value).matches()) {
            findings.add(
                    field,
                    "must be 1–" + MAX_CHECKLIST_ITEM_ID + " letters, digits or . _ : - (no spaces)",
                    ViolationCodes.NOT_AN_ID,
                    Map.of("max", MAX_CHECKLIST_ITEM_ID));
        }
    }

    private static boolean required(String field, Object value, Findings findings) {
        if (value == null) {
            findings.add(field, "is required", ViolationCodes.REQUIRED);
            return false;
        }
        return true;
    }

    private static boolean requiredText(String field, String value, Findings findings) {
        if (value == null || value.isBlank()) {
            findings.add(requiredViolation(field));
            return false;
        }
        return true;
    }

    private static void text(String field, String value, int max, Findings findings) {
        if (maxLength(field, value, max, findings) && value != null && hasForbiddenCharacters(value, false)) {
            findings.add(
                    field,
                    "may not contain control characters such as line breaks, or half characters",
                    ViolationCodes.CONTROL_CHARACTERS);
        }
    }

    private static void message(String field, String value, Findings findings) {
        message(field, value, MAX_MESSAGE, findings);
    }

    private static void message(String field, String value, int max, Findings findings) {
        if (maxLength(field, value, max, findings) && value != null && hasForbiddenCharacters(value, true)) {
            findings.add(
                    field,
                    "may not contain control characters other than line breaks and tabs, or half characters",
                    ViolationCodes.CONTROL_CHARACTERS_IN_MESSAGE);
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

    private static boolean maxLength(String field, String value, int max, Findings findings) {
        if (value != null && value.length() > max) {
            findings.add(field, "may be at most " + max + " characters", ViolationCodes.TOO_LONG, Map.of("max", max));
            return false;
        }
        return true;
    }

    /** The broken rules found so far, the first one per field. */
    private static final class Findings {

        private final Map<String, FieldViolation> byField = new LinkedHashMap<>();

        void add(String field, String message, String code) {
            add(field, message, code, Map.of());
        }

        void add(String field, String message, String code, Map<String, Object> params) {
            add(new FieldViolation(field, message, code, params));
        }

        void add(FieldViolation violation) {
            byField.putIfAbsent(violation.field(), violation);
        }

        List<FieldViolation> list() {
            return List.copyOf(byField.values());
        }

        Optional<FieldViolation> first() {
            return byField.values().stream().findFirst();
        }
    }
}
