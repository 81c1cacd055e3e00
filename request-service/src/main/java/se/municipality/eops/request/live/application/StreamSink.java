package se.municipality.eops.request.live.application;

import se.municipality.eops.request.live.domain.StatusUpdate;

/**
 * Where a stream's frames go: the web adapter writes them to the client. Calls come in the order the stream decided
 * them and must be written in that order; they must not block the caller (the topic's consumer thread serves every
 * stream of the replica).
 */
public interface StreamSink {

    /** One status update under the given event id. */
    void send(String eventId, StatusUpdate update);

    /** Another request event (a comment, an overdue notice, the outcome), as JSON, without an event id. */
    void notice(String eventType, String json);

    /** A comment line that keeps proxies from closing an idle stream. */
    void heartbeat();

    /** Ends the stream; the client may reconnect with Last-Event-ID. */
    void close();
}
