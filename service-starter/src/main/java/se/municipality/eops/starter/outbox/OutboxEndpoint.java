package se.municipality.eops.starter.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/outbox}: the events Kafka refused for good, per outbox collection, and their
 * replay once the cause is fixed. Only callers with a token and one of {@code
 * eops.outbox.operator-roles} (default {@code CENTRAL_TEAM}) may use it: the listing shows
 * aggregates' ids and a replay publishes events. Without a token the resource server answers 401
 * before this endpoint is reached.
 *
 * <ul>
 *   <li>{@code GET /actuator/outbox}: parked events of every collection
 *   <li>{@code GET /actuator/outbox/{collection}}: parked events of one collection
 *   <li>{@code POST /actuator/outbox/{collection}/{id}}: put one aggregate's parked events back in
 *       line, in order, and publish them
 *   <li>{@code POST /actuator/outbox/{collection}}: the same for every aggregate of the collection
 * </ul>
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    static final int LISTED = 100;

    private final OutboxRelay relay;
    private final OutboxProperties properties;

    public OutboxEndpoint(OutboxRelay relay, OutboxProperties properties) {
        this.relay = relay;
        this.properties = properties;
    }

    @ReadOperation
    public WebEndpointResponse<Map<String, List<ParkedDocument>>> parked(SecurityContext caller) {
        if (!isOperator(caller)) {
            return forbidden();
        }
        Map<String, List<ParkedDocument>> parked = new LinkedHashMap<>();
        properties.collections().forEach(collection -> parked.put(collection, relay.parked(collection, LISTED)));
        return new WebEndpointResponse<>(parked);
    }

    @ReadOperation
    public WebEndpointResponse<List<ParkedDocument>> parkedIn(SecurityContext caller, @Selector String collection) {
        if (!isOperator(caller)) {
            return forbidden();
        }
        if (!properties.collections().contains(collection)) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        return new WebEndpointResponse<>(relay.parked(collection, LISTED));
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> replay(
            SecurityContext caller, @Selector String collection, @Selector String id) {
        if (!isOperator(caller)) {
            return forbidden();
        }
        if (!properties.collections().contains(collection)) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        int replayed = relay.replay(collection, id);
        return new WebEndpointResponse<>(Map.of("collection", collection, "id", id, "replayed", replayed));
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> replayAll(SecurityContext caller, @Selector String collection) {
        if (!isOperator(caller)) {
            return forbidden();
        }
        if (!properties.collections().contains(collection)) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        return new WebEndpointResponse<>(Map.of("collection", collection, "replayed", relay.replayAll(collection)));
    }

    private boolean isOperator(SecurityContext caller) {
        return caller.getPrincipal() != null
                && properties.operatorRoles().stream().anyMatch(caller::isUserInRole);
    }

    /** 403: a token, but not an operator's. */
    private static <T> WebEndpointResponse<T> forbidden() {
        return new WebEndpointResponse<>(403);
    }
}
