package se.municipality.eops.notification.rules.domain;

import java.util.List;
import java.util.Optional;

/** What the rules need to know beyond the event: read models kept from earlier events, and configuration. */
public interface RecipientDirectory {

    /** The requester of a request seen submitted before. */
    Optional<Person> requesterOf(String requestId);

    /**
     * A person of a request seen submitted before, kept from its {@code RequestSubmitted}: {@code field} is one of
     * {@link RecipientSpec#REQUEST_FIELDS} (e.g. {@code permission.person}, whom a permission request is for).
     */
    Optional<Person> personOfRequest(String requestId, String field);

    /** The active administrators of an e-service. */
    List<Person> administratorsOf(String eServiceId);

    /** A role's mailbox ({@code eops.notifications.mailboxes}). */
    Optional<String> mailboxOf(String role);

    /** Whether the role has a webhook ({@code eops.notifications.webhooks}). */
    boolean hasWebhook(String role);
}
