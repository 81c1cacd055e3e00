package se.municipality.eops.publication.checklist.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import se.municipality.eops.contract.publication.ChecklistItemRef;
import se.municipality.eops.starter.rules.FieldErrorCodes;

/**
 * One version of the checklist for brand-new e-services. A version never changes once published; the
 * central team publishes a new one, and each request is judged by the version in force when it was
 * filed.
 */
public record Checklist(int version, Instant effectiveFrom, String publishedBy, List<ChecklistItem> items) {

    public static final int MAX_ITEMS = 100;
    public static final int MAX_TEXT = 200;
    private static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public Checklist {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        items = List.copyOf(items);
    }

    /** A new version after {@code previousVersion} (0 when there is none), checked against the rules. */
    public static Checklist publish(int previousVersion, List<ChecklistItem> items, String publishedBy, Instant now) {
        if (items == null || items.isEmpty()) {
            throw new InvalidChecklistException(
                    "items", "must hold at least one item", FieldErrorCodes.EMPTY, Map.of());
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidChecklistException(
                    "items",
                    "must hold at most " + MAX_ITEMS + " items",
                    FieldErrorCodes.TOO_MANY,
                    Map.of("max", MAX_ITEMS));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            ChecklistItem item = items.get(i);
            String at = "items[" + i + "]";
            if (item == null) {
                throw new InvalidChecklistException(at, "is required", FieldErrorCodes.REQUIRED, Map.of());
            }
            if (item.id() == null || !ITEM_ID.matcher(item.id()).matches()) {
                throw new InvalidChecklistException(
                        at + ".id",
                        "must be 1 to 64 letters, digits or . _ : -",
                        FieldErrorCodes.NOT_AN_ID,
                        Map.of("max", 64));
            }
            if (!ids.add(item.id())) {
                throw new InvalidChecklistException(
                        at + ".id", "is used by another item of the checklist", FieldErrorCodes.TAKEN, Map.of());
            }
            if (item.text() == null || item.text().isBlank() || item.text().length() > MAX_TEXT) {
                throw new InvalidChecklistException(
                        at + ".text",
                        "must be 1 to " + MAX_TEXT + " characters",
                        FieldErrorCodes.LENGTH,
                        Map.of("min", 1, "max", MAX_TEXT));
            }
        }
        return new Checklist(previousVersion + 1, now, publishedBy, items);
    }

    /**
     * Judges a requester's answers. An answer belongs to an item by the item's id; an answer without an
     * id (requests filed before items had ids) belongs to the item whose text it repeats exactly. A
     * mandatory item is missing unless an answer that belongs to it confirms it.
     */
    public ChecklistVerdict judge(List<ChecklistAnswer> answers) {
        List<ChecklistAnswer> given = answers == null ? List.of() : answers;
        List<ChecklistItemRef> missing = items.stream()
                .filter(ChecklistItem::mandatory)
                .filter(item -> given.stream().noneMatch(answer -> answer.done() && answers(answer, item)))
                .map(item -> new ChecklistItemRef(item.id(), item.text()))
                .toList();
        return new ChecklistVerdict(version, missing);
    }

    private static boolean answers(ChecklistAnswer answer, ChecklistItem item) {
        if (answer.itemId() != null) {
            return answer.itemId().equals(item.id());
        }
        return item.text().equals(answer.text());
    }
}
