package se.municipality.eops.notification.rules.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.contract.permission.PersonIds;

/**
 * Decides who gets which template for an event, from the rules in the configuration alone: it knows
 * no event by name, only the fields recipients are found in ({@link RecipientSpec}).
 */
public final class NotificationRules {

    private final List<NotificationRule> rules;

    public NotificationRules(List<NotificationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<NotificationRule> rules() {
        return rules;
    }

    /** The event types some rule is about. */
    public Set<String> eventTypes() {
        return rules.stream().map(NotificationRule::event).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The notifications an event calls for, each (template, channel, address) once: two rules naming
     * the same person for the same template give one notification.
     *
     * @param fields the event as nested maps and lists, as its JSON reads
     */
    public List<PlannedNotification> plan(String eventType, Map<String, Object> fields, RecipientDirectory directory) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        List<PlannedNotification> planned = new ArrayList<>();
        for (NotificationRule rule : rules) {
            if (!rule.event().equals(eventType) || !rule.appliesTo(fields)) {
                continue;
            }
            for (String spec : rule.recipients()) {
                for (PlannedNotification next : firstFound(rule.template(), spec, fields, directory)) {
                    Recipient recipient = next.recipient();
                    String key = rule.template() + "|" + recipient.channel() + "|"
                            + recipient.address().toLowerCase(java.util.Locale.ROOT);
                    Integer earlier = seen.putIfAbsent(key, planned.size());
                    if (earlier == null) {
                        planned.add(next);
                    } else if (recipient.kind() == RecipientSpec.Kind.REQUESTER) {
                        // The person a grant is for may be its requester too: one mail, as to the requester, whose
                        // page of the request they can open.
                        planned.set(earlier, next);
                    }
                }
            }
        }
        return planned;
    }

    /**
     * The templates of rules addressing the requester of the request the event names when that requester is not
     * known yet: the event carries no requester and {@code RequestSubmitted} of its request has not been read (it
     * comes on another topic, so it may come later, e.g. while a restarted replica catches up). Their mails wait
     * for the request ({@link AwaitingRequester}) instead of going to nobody.
     */
    public List<String> awaitingRequester(String eventType, Map<String, Object> fields, RecipientDirectory directory) {
        Optional<String> requestId = text(fields.get("requestId"));
        if (requestId.isEmpty() || personIn(fields.get("requester")).isPresent()) {
            return List.of();
        }
        List<String> templates = new ArrayList<>();
        for (NotificationRule rule : rules) {
            if (!rule.event().equals(eventType) || !rule.appliesTo(fields)) {
                continue;
            }
            for (String spec : rule.recipients()) {
                List<RecipientSpec> alternatives = RecipientSpec.alternatives(spec);
                if (alternatives.get(0).kind() == RecipientSpec.Kind.REQUESTER
                        && directory.requesterOf(requestId.get()).isEmpty()
                        && firstFound(alternatives, fields, directory).isEmpty()
                        && !templates.contains(rule.template())) {
                    templates.add(rule.template());
                }
            }
        }
        return templates;
    }

    /** Whom the first alternative that finds anyone finds; nobody when none does. */
    private static List<Recipient> firstFound(
            List<RecipientSpec> alternatives, Map<String, Object> fields, RecipientDirectory directory) {
        for (RecipientSpec alternative : alternatives) {
            List<Recipient> found = resolve(alternative, fields, directory);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** As {@link #firstFound(List, Map, RecipientDirectory)}, each with the alternative that found them. */
    private static List<PlannedNotification> firstFound(
            String template, String spec, Map<String, Object> fields, RecipientDirectory directory) {
        for (RecipientSpec alternative : RecipientSpec.alternatives(spec)) {
            List<Recipient> found = resolve(alternative, fields, directory);
            if (!found.isEmpty()) {
                return found.stream()
                        .map(recipient -> new PlannedNotification(template, recipient, alternative))
                        .toList();
            }
        }
        return List.of();
    }

    private static List<Recipient> resolve(
            RecipientSpec spec, Map<String, Object> fields, RecipientDirectory directory) {
        return switch (spec.kind()) {
            case REQUESTER ->
                personIn(fields.get("requester"))
                        .or(() -> text(fields.get("requestId")).flatMap(directory::requesterOf))
                        .map(person -> List.of(email(person, spec.kind())))
                        .orElse(List.of());
            case PERSON ->
                personsIn(fields.get(spec.argument())).stream()
                        .map(person -> email(person, spec.kind()))
                        .toList();
            case REQUEST_PERSON ->
                text(fields.get("requestId"))
                        .flatMap(requestId -> directory
                                .personOfRequest(requestId, spec.argument())
                                .filter(person -> !isRequester(person, requestId, fields, directory)))
                        .map(person -> List.of(email(person, spec.kind())))
                        .orElse(List.of());
            case ADMINISTRATORS ->
                text(fields.get("eServiceId")).map(directory::administratorsOf).orElse(List.of()).stream()
                        .map(person -> email(person, spec.kind()))
                        .toList();
            case MAILBOX -> {
                List<Recipient> recipients = new ArrayList<>();
                directory
                        .mailboxOf(spec.argument())
                        .ifPresent(mailbox -> recipients.add(new Recipient(Channel.EMAIL, mailbox, null, spec.kind())));
                if (directory.hasWebhook(spec.argument())) {
                    recipients.add(new Recipient(Channel.WEBHOOK, spec.argument(), null, spec.kind()));
                }
                yield recipients;
            }
        };
    }

    /** Whether the person is the request's requester: the same person id, or the same address. */
    private static boolean isRequester(
            Person person, String requestId, Map<String, Object> fields, RecipientDirectory directory) {
        Optional<Person> requester = personIn(fields.get("requester")).or(() -> directory.requesterOf(requestId));
        return requester
                .map(them -> them.email().equalsIgnoreCase(person.email())
                        || (them.userId() != null
                                && person.userId() != null
                                && PersonIds.normalize(them.userId()).equals(PersonIds.normalize(person.userId()))))
                .orElse(false);
    }

    private static Recipient email(Person person, RecipientSpec.Kind kind) {
        return new Recipient(Channel.EMAIL, person.email(), person.userId(), kind);
    }

    private static List<Person> personsIn(Object value) {
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(NotificationRules::personIn)
                    .flatMap(Optional::stream)
                    .toList();
        }
        return personIn(value).stream().toList();
    }

    private static Optional<Person> personIn(Object value) {
        if (!(value instanceof Map<?, ?> person)) {
            return Optional.empty();
        }
        Optional<String> email = text(person.get("email"));
        Optional<String> userId = text(person.get("userId")).or(() -> text(person.get("personId")));
        return email.map(address -> new Person(userId.orElse(null), address));
    }

    private static Optional<String> text(Object value) {
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }
}
