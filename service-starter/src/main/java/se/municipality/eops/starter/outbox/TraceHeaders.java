package se.municipality.eops.starter.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) of the thread that wrote an event to
 * the outbox: the HTTP request, or the consumer of the event that caused this one. That thread returns
 * before the relay publishes the event, on another thread, maybe after a restart (the sweep): so the
 * context is stored with the event, and {@link KafkaEventPublisher} makes it current again while it
 * hands the event to the binder, whose Kafka observation starts the producer span as its child and
 * writes that span into the record's {@code traceparent} header, where the consumers' Kafka observation
 * continues the trace.
 *
 * <p>Read from OpenTelemetry's current context, where Micrometer Tracing's OpenTelemetry bridge keeps
 * the span of the observation in scope (HTTP request, Kafka consumer). An unsampled trace has a context
 * too, so log lines share its trace id whether or not its spans are recorded.
 *
 * @param traceparent e.g. {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}
 * @param tracestate vendor entries, or null
 */
public record TraceHeaders(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** The context of the span in scope on this thread, or null when there is none. */
    public static TraceHeaders current() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return of(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /** A stored context, or null when there is no {@code traceparent}. */
    public static TraceHeaders of(String traceparent, String tracestate) {
        if (traceparent == null || traceparent.isBlank()) {
            return null;
        }
        return new TraceHeaders(traceparent, tracestate == null || tracestate.isBlank() ? null : tracestate);
    }

    /**
     * Makes this context the current parent on this thread until the scope is closed: spans started
     * meanwhile belong to the stored trace.
     */
    public Scope makeCurrent() {
        return W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), this, HEADERS)
                .makeCurrent();
    }

    private static final TextMapGetter<TraceHeaders> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceHeaders carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(TraceHeaders carrier, String header) {
            if (carrier == null) {
                return null;
            }
            return switch (header) {
                case TRACEPARENT -> carrier.traceparent();
                case TRACESTATE -> carrier.tracestate();
                default -> null;
            };
        }
    };
}
