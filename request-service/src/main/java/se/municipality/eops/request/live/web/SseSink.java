package se.municipality.eops.request.live.web;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import se.municipality.eops.request.live.application.StreamSink;
import se.municipality.eops.request.live.domain.StatusUpdate;

/**
 * Writes a stream's frames to its {@link SseEmitter} on a shared pool, in order, one write at a time: the topic's
 * consumer thread only queues them, so a slow or gone client never holds up the others. A client that lets more
 * than {@code maxQueued} frames pile up is cut off; it reconnects with Last-Event-ID and gets them from the database.
 */
final class SseSink implements StreamSink {

    private static final Logger log = LoggerFactory.getLogger(SseSink.class);

    private final SseEmitter emitter;
    private final Executor writers;
    private final int maxQueued;
    private final Runnable onPushed;
    private final Queue<Frame> frames = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final long reconnectMillis;

    /** A frame to write; {@code statusUpdate} frames are counted as pushed once written. */
    private record Frame(SseEmitter.SseEventBuilder event, boolean statusUpdate) {}

    SseSink(SseEmitter emitter, Executor writers, int maxQueued, long reconnectMillis, Runnable onPushed) {
        this.emitter = emitter;
        this.writers = writers;
        this.maxQueued = maxQueued;
        this.reconnectMillis = reconnectMillis;
        this.onPushed = onPushed;
    }

    @Override
    public void send(String eventId, StatusUpdate update) {
        enqueue(new Frame(
                SseEmitter.event()
                        .id(eventId)
                        .name("status")
                        .reconnectTime(reconnectMillis)
                        .data(LiveStatusView.of(update), MediaType.APPLICATION_JSON),
                true));
    }

    @Override
    public void notice(String eventType, String json) {
        enqueue(new Frame(SseEmitter.event().name(eventType).data(json, MediaType.TEXT_PLAIN), false));
    }

    @Override
    public void heartbeat() {
        if (queued.get() == 0) {
            enqueue(new Frame(SseEmitter.event().comment("heartbeat"), false));
        }
    }

    @Override
    public void close() {
        if (ended.compareAndSet(false, true)) {
            frames.clear();
            emitter.complete();
        }
    }

    private void enqueue(Frame frame) {
        if (ended.get()) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            log.info(
                    "A live stream's client fell {} frames behind; closing it (it resumes with Last-Event-ID)",
                    maxQueued);
            close();
            return;
        }
        frames.add(frame);
        drainSoon();
    }

    private void drainSoon() {
        if (draining.compareAndSet(false, true)) {
            try {
                writers.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                draining.set(false);
                close();
            }
        }
    }

    private void drain() {
        try {
            Frame frame;
            while ((frame = frames.poll()) != null) {
                queued.decrementAndGet();
                if (ended.get()) {
                    continue;
                }
                try {
                    emitter.send(frame.event());
                    if (frame.statusUpdate()) {
                        onPushed.run();
                    }
                } catch (IOException | IllegalStateException clientGone) {
                    // The client went away (or the stream ended meanwhile). Nothing to complete: after a failed write
                    // the container reports the error and Spring MVC ends the request, which runs the emitter's
                    // onError/onCompletion callbacks, and those take the stream out of the registry.
                    ended.set(true);
                    frames.clear();
                }
            }
        } finally {
            draining.set(false);
            if (!frames.isEmpty()) {
                drainSoon();
            }
        }
    }
}
