package se.municipality.eops.portal.requests;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import se.municipality.eops.portal.PortalProperties;
import se.municipality.eops.portal.layout.PortalTime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /requests/{id}/events}: request-service's live stream of one request, relayed to the browser as the
 * portal's own server-sent events (the browser never sees the token). Each {@code status} event goes on with the
 * status and time already in the person's language and whether it is a final one ({@code status}, id = the timeline
 * entry's sequence; {@code ended}: the page then drops the actions that are over, as a reload would); any other
 * event of the request (a comment, an assignment, ...) as {@code changed}, on which the page's script reloads the
 * timeline. The browser's {@code Last-Event-ID} (or {@code ?after=n}, the last entry the page shows) goes upstream,
 * so a reconnect misses nothing and repeats nothing; heartbeats are passed on, which also tells us when the browser
 * has gone (then the upstream stream is closed).
 */
@Controller
class LiveTimeline implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTimeline.class);
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
    private static final int MAX_RELAYS = 500;
    private static final String REGISTRATION_ID = "eops";

    private final OAuth2AuthorizedClientManager authorizedClients;
    private final URI requestService;
    private final MessageSource messages;
    private final PortalTime times;
    private final JsonMapper json;
    private final HttpClient http;
    private final ExecutorService relays;

    LiveTimeline(
            OAuth2AuthorizedClientManager authorizedClients,
            PortalProperties properties,
            MessageSource messages,
            PortalTime times,
            JsonMapper json) {
        this.authorizedClients = authorizedClients;
        this.requestService = properties.services().request();
        this.messages = messages;
        this.times = times;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.services().connectTimeout())
                .build();
        AtomicInteger count = new AtomicInteger();
        this.relays = new ThreadPoolExecutor(0, MAX_RELAYS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "live-relay-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @GetMapping(path = "/requests/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(
            @PathVariable String id,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(name = "after", required = false) Integer after,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        OAuth2AuthorizedClient client =
                authorizedClients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID)
                        .principal(authentication)
                        .attribute(HttpServletRequest.class.getName(), request)
                        .attribute(HttpServletResponse.class.getName(), response)
                        .build());
        if (client == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        String resumeFrom = lastEventId != null && !lastEventId.isBlank()
                ? lastEventId.strip()
                : after != null && after > 0 ? after.toString() : null;
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        Relay relay = new Relay(id, client.getAccessToken().getTokenValue(), resumeFrom, emitter, locale);
        emitter.onCompletion(relay::stop);
        emitter.onTimeout(relay::stop);
        emitter.onError(failure -> relay.stop());
        try {
            relays.execute(relay);
        } catch (RejectedExecutionException full) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
        }
        return emitter;
    }

    /** What the browser gets for one upstream {@code status} event: the entry, in the person's language. */
    Map<String, Object> statusPayload(JsonNode upstream, Locale locale) {
        String status = upstream.path("status").asString();
        Instant at = parse(upstream.path("occurredAt").asString(null));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sequence", upstream.path("sequence").asInt());
        payload.put("status", status);
        payload.put("statusLabel", messages.getMessage("status." + status, null, status, locale));
        // A final status ends what the page offers (withdraw): the script removes it, as a reload would.
        payload.put("ended", MyRequestsController.ENDED.contains(status));
        payload.put("at", at == null ? null : at.toString());
        payload.put("atText", times.format(at, locale));
        String actor = upstream.path("actor").asString("");
        payload.put("actor", actor);
        payload.put(
                "actorText",
                actor.isEmpty() ? "" : messages.getMessage("requests.timeline.actor", new Object[] {actor}, locale));
        payload.put(
                "text",
                messages.getMessage(
                        "requests.timeline.STATUS_CHANGED",
                        new Object[] {messages.getMessage("status." + status, null, status, locale)},
                        locale));
        return payload;
    }

    private static Instant parse(String instant) {
        try {
            return instant == null ? null : Instant.parse(instant);
        } catch (RuntimeException notAnInstant) {
            return null;
        }
    }

    @Override
    public void destroy() {
        relays.shutdownNow();
    }

    /** One browser's stream: reads request-service's stream line by line and passes each event on. */
    private final class Relay implements Runnable {

        private final String requestId;
        private final String token;
        private final String resumeFrom;
        private final SseEmitter emitter;
        private final Locale locale;
        private volatile boolean stopped;
        private volatile Stream<String> upstream;

        Relay(String requestId, String token, String resumeFrom, SseEmitter emitter, Locale locale) {
            this.requestId = requestId;
            this.token = token;
            this.resumeFrom = resumeFrom;
            this.emitter = emitter;
            this.locale = locale;
        }

        @Override
        public void run() {
            HttpRequest.Builder call = HttpRequest.newBuilder(
                            requestService.resolve("/api/requests/" + encode(requestId) + "/events"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", MediaType.TEXT_EVENT_STREAM_VALUE)
                    .GET();
            if (resumeFrom != null) {
                call.header("Last-Event-ID", resumeFrom);
            }
            try {
                HttpResponse<Stream<String>> answer = http.send(call.build(), HttpResponse.BodyHandlers.ofLines());
                upstream = answer.body();
                if (answer.statusCode() != 200) {
                    // Not the person's request, or the service refuses: the page's script stops listening.
                    send(SseEmitter.event().name("closed").data("{}", MediaType.APPLICATION_JSON));
                    emitter.complete();
                    return;
                }
                relay(answer.body().iterator());
                emitter.complete();
            } catch (IOException | UncheckedIOException down) {
                LOG.debug("Live stream of {} from request-service ended: {}", requestId, down.getMessage());
                emitter.complete();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                emitter.complete();
            } catch (IllegalStateException browserGone) {
                stop();
            } finally {
                stop();
            }
        }

        private void relay(Iterator<String> lines) throws IOException {
            String id = null;
            String event = null;
            StringBuilder data = new StringBuilder();
            while (!stopped && lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if (data.length() > 0 || event != null) {
                        dispatch(id, event == null ? "message" : event, data.toString());
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    send(SseEmitter.event().comment(line.substring(1).strip()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" ->
                            data.append(data.length() > 0 ? "\n" : "").append(value);
                        default -> {
                            // retry and unknown fields: the portal sets its own
                        }
                    }
                }
            }
        }

        private void dispatch(String id, String event, String data) throws IOException {
            if (event.equals("status")) {
                JsonNode upstreamEvent;
                try {
                    upstreamEvent = json.readTree(data);
                } catch (JacksonException unreadable) {
                    return;
                }
                SseEmitter.SseEventBuilder status = SseEmitter.event()
                        .name("status")
                        .reconnectTime(3000)
                        .data(
                                json.writeValueAsString(statusPayload(upstreamEvent, locale)),
                                MediaType.APPLICATION_JSON);
                send(id == null ? status : status.id(id));
            } else {
                send(SseEmitter.event().name("changed").data("{}", MediaType.APPLICATION_JSON));
            }
        }

        private void send(SseEmitter.SseEventBuilder event) throws IOException {
            emitter.send(event);
        }

        void stop() {
            stopped = true;
            Stream<String> lines = upstream;
            if (lines != null) {
                lines.close();
            }
        }
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
