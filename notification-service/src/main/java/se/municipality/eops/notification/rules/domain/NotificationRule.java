package se.municipality.eops.notification.rules.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of {@code eops.notifications.rules}: when an event of this type arrives, these recipients
 * get this template.
 *
 * @param event the event type as the contract names it, e.g. {@code RequestSubmitted}
 * @param template the template the recipients get, e.g. {@code request-received}
 * @param recipients who gets it, see {@link RecipientSpec}
 * @param when optional conditions on the event's top-level fields: field → the values that make the
 *     rule apply (e.g. {@code toStatus: [WAITING_FOR_REVIEW]}); empty means always
 */
public record NotificationRule(String event, String template, List<String> recipients, Map<String, List<String>> when) {

    public NotificationRule {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(template, "template");
        recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
        when = when == null ? Map.of() : Map.copyOf(when);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("the rule for " + event + " → " + template + " names no recipients");
        }
        recipients.forEach(RecipientSpec::alternatives);
    }

    /** Whether the event's fields meet every condition. */
    public boolean appliesTo(Map<String, Object> fields) {
        return when.entrySet().stream().allMatch(condition -> {
            Object value = fields.get(condition.getKey());
            if (value instanceof List<?> values) { // a list field matches when any of its values does
                return values.stream().anyMatch(item -> condition.getValue().contains(String.valueOf(item)));
            }
            return value != null && condition.getValue().contains(value.toString());
        });
    }
}
