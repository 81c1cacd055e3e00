package se.municipality.eops.notification.rules.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A directory that answers every question about a request's requester as it answered the first: the rules plan an
 * event's notifications and decide which of them wait for the requester in two passes, and between them another
 * consumer may read the request's {@code RequestSubmitted}. Asked twice, the live read model could say "unknown" to
 * the plan and "known" to the wait, and the requester's mail would be neither sent nor kept waiting.
 */
public final class RequesterSnapshot implements RecipientDirectory {

    private final RecipientDirectory directory;
    private final Map<String, Optional<Person>> requesters = new HashMap<>();

    public RequesterSnapshot(RecipientDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<Person> requesterOf(String requestId) {
        return requesters.computeIfAbsent(requestId, directory::requesterOf);
    }

    @Override
    public Optional<Person> personOfRequest(String requestId, String field) {
        return directory.personOfRequest(requestId, field);
    }

    @Override
    public List<Person> administratorsOf(String eServiceId) {
        return directory.administratorsOf(eServiceId);
    }

    @Override
    public Optional<String> mailboxOf(String role) {
        return directory.mailboxOf(role);
    }

    @Override
    public boolean hasWebhook(String role) {
        return directory.hasWebhook(role);
    }
}
