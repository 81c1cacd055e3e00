package se.municipality.eops.request.live.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import se.municipality.eops.request.live.application.LiveProperties;
import se.municipality.eops.request.live.application.LiveStreams;
import se.municipality.eops.request.live.application.LiveUpdates;
import se.municipality.eops.request.live.application.TooManyStreamsException;
import se.municipality.eops.request.live.domain.MyRequestsCursor;
import se.municipality.eops.request.live.domain.Viewer;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.security.CurrentUser;
import se.municipality.eops.starter.web.InvalidInputException;

/**
 * Server-Sent Events: a request's status as it moves, and all of "my requests". The servlet thread returns at once
 * (asynchronous request); frames are written by a small pool of writer threads, so open streams hold no request
 * thread.
 */
@RestController
@RequestMapping("/api/requests")
class LiveUpdatesController implements DisposableBean {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final String CENTRAL_TEAM = "CENTRAL_TEAM";
    private static final long RECONNECT_MILLIS = 3_000;

    private final LiveUpdates liveUpdates;
    private final LiveStreams streams;
    private final LiveProperties properties;
    private final ExecutorService writers;

    LiveUpdatesController(LiveUpdates liveUpdates, LiveStreams streams, LiveProperties properties) {
        this.liveUpdates = liveUpdates;
        this.streams = streams;
        this.properties = properties;
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "live-writer-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.writers = pool;
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Follow a request live (Server-Sent Events)",
            description = "Its requester and the central team may follow it; anyone else gets 404. Each `status` event"
                    + " is one timeline entry, its id the entry's sequence. Without Last-Event-ID the whole timeline"
                    + " comes first; with it, the entries after it; then each change as it happens. Other request"
                    + " events (e.g. `RequestCommented`) come as events of that name without an id.")
    SseEmitter followRequest(
            @PathVariable String id,
            @Parameter(description = "The last sequence received; the stream resumes after it.")
                    @RequestHeader(name = LAST_EVENT_ID, required = false)
                    String lastEventId) {
        Optional<Long> after = sequence(lastEventId);
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        LiveUpdates.Opened opened = liveUpdates.followRequest(id, viewer(), after, sinkFor(emitter));
        endWith(emitter, opened);
        sayOpen(emitter);
        return emitter;
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Follow all my requests live (Server-Sent Events)",
            description = "Every status change of the caller's own requests as it happens. Each `status` event's id is"
                    + " <occurredAt epoch millis>.<requestId>.<sequence>; with it as Last-Event-ID a reconnect first"
                    + " gets the changes of the caller's requests since then (those of the last few seconds before it"
                    + " may come again: their ids tell).")
    SseEmitter followMyRequests(
            @Parameter(description = "The last event id received; the stream resumes from it.")
                    @RequestHeader(name = LAST_EVENT_ID, required = false)
                    String lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        LiveUpdates.Opened opened =
                liveUpdates.followMyRequests(viewer(), MyRequestsCursor.parse(lastEventId), sinkFor(emitter));
        endWith(emitter, opened);
        sayOpen(emitter);
        return emitter;
    }

    @ExceptionHandler(TooManyStreamsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyStreamsException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
        problem.setTitle("Too many live streams");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, "10")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private SseSink sinkFor(SseEmitter emitter) {
        return new SseSink(emitter, writers, properties.maxQueuedFrames(), RECONNECT_MILLIS, streams::countPushed);
    }

    /** However the stream ends (client gone, timeout, error), it leaves the registry. */
    private static void endWith(SseEmitter emitter, LiveUpdates.Opened opened) {
        emitter.onCompletion(opened.end());
        emitter.onError(error -> opened.end().run());
        emitter.onTimeout(() -> {
            opened.end().run();
            emitter.complete();
        });
    }

    /**
     * A first frame, a comment (clients ignore it), so that the answer's status and headers go out at once: Spring
     * sends them only with the first frame, and a stream of "my requests" may have nothing to say until a change or
     * the first heartbeat, all that time leaving the client (an {@code EventSource}'s {@code open}) waiting to know
     * whether it is let in. Sent before the emitter is handed back, it is written as soon as the stream starts.
     */
    private static void sayOpen(SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException | IllegalStateException gone) {
            // the client left already; the stream's end callbacks clean up
        }
    }

    private static Optional<Long> sequence(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return Optional.empty();
        }
        try {
            long sequence = Long.parseLong(lastEventId.trim());
            if (sequence >= 0) {
                return Optional.of(sequence);
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidInputException(
                LAST_EVENT_ID,
                "must be the id of an event of this stream (a sequence number)",
                FieldErrorCodes.INVALID_VALUE);
    }

    private static Viewer viewer() {
        CurrentUser user = CurrentUser.fromSecurityContext();
        return new Viewer(user.userId(), user.hasRole(CENTRAL_TEAM));
    }

    @Override
    public void destroy() {
        writers.shutdown();
    }
}
