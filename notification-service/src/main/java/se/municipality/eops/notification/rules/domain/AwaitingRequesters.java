package se.municipality.eops.notification.rules.domain;

import java.util.List;

/** The events whose mails wait for their request's requester to be known. */
public interface AwaitingRequesters {

    /** Keeps it (once per event). */
    void add(AwaitingRequester awaiting);

    List<AwaitingRequester> forRequest(String requestId);

    void remove(String id);
}
