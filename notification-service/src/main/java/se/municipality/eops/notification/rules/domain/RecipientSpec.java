package se.municipality.eops.notification.rules.domain;

/**
 * Who a rule addresses, as written in the configuration:
 *
 * <ul>
 *   <li>{@code requester}: the requester the event carries ({@code requester}), else the requester of
 *       the request it names ({@code requestId}) from the read model of submitted requests;
 *   <li>{@code mailbox:<ROLE>}: the role's mailbox from {@code eops.notifications.mailboxes} (and its
 *       webhook, when {@code eops.notifications.webhooks.<ROLE>} is set);
 *   <li>{@code person:<field>}: the person in that field of the event ({@code email}, and
 *       {@code personId} or {@code userId} for the language preference), or each person of a list;
 *   <li>{@code administrators}: the administrators of the event's {@code eServiceId}, from the read
 *       model of administrator grants;
 *   <li>{@code request:<field>}: the person in that field of the request the event names ({@code requestId}), as
 *       it was submitted (the read model of {@code RequestSubmitted}; only the fields of {@link #REQUEST_FIELDS}
 *       are kept), unless that person is the request's requester, who hears as the requester or not at all.
 * </ul>
 *
 * <p>{@code a else b} (e.g. {@code person:delegate else mailbox:REFERENCE_GROUP}) addresses whom {@code a}
 * finds and, only when it finds nobody (the event names no e-mail), whom {@code b} finds.
 */
public record RecipientSpec(Kind kind, String argument) {

    static final String ELSE = " else ";

    /** The people of a submitted request the read model keeps, for {@code request:<field>}. */
    public static final java.util.Set<String> REQUEST_FIELDS = java.util.Set.of("permission.person");

    /** The alternatives of one recipient entry, in order; every one must parse. */
    public static java.util.List<RecipientSpec> alternatives(String text) {
        return java.util.Arrays.stream(text.split(ELSE))
                .map(RecipientSpec::parse)
                .toList();
    }

    public enum Kind {
        REQUESTER,
        MAILBOX,
        PERSON,
        ADMINISTRATORS,
        REQUEST_PERSON
    }

    public static RecipientSpec parse(String text) {
        String spec = text.strip();
        if (spec.equals("requester")) {
            return new RecipientSpec(Kind.REQUESTER, null);
        }
        if (spec.equals("administrators")) {
            return new RecipientSpec(Kind.ADMINISTRATORS, null);
        }
        if (spec.startsWith("mailbox:") && spec.length() > "mailbox:".length()) {
            return new RecipientSpec(Kind.MAILBOX, spec.substring("mailbox:".length()));
        }
        if (spec.startsWith("person:") && spec.length() > "person:".length()) {
            return new RecipientSpec(Kind.PERSON, spec.substring("person:".length()));
        }
        if (spec.startsWith("request:") && REQUEST_FIELDS.contains(spec.substring("request:".length()))) {
            return new RecipientSpec(Kind.REQUEST_PERSON, spec.substring("request:".length()));
        }
        throw new IllegalArgumentException("unknown recipient '" + text
                + "': expected requester, administrators, mailbox:<ROLE>, person:<field> or request:<field> of "
                + REQUEST_FIELDS);
    }
}
