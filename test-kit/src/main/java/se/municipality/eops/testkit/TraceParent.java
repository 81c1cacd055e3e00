package se.municipality.eops.testkit;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C {@code traceparent} a test sends with a request, as an instrumented caller (gateway, browser) would:
 * a fresh trace id, sampled, so the test knows the trace id to look for downstream (Kafka headers, log lines,
 * spans).
 */
public record TraceParent(String traceId, String parentSpanId) {

    public static final String HEADER = "traceparent";

    /** A new trace, sampled (flags {@code 01}). */
    public static TraceParent sampled() {
        return new TraceParent(randomHex(16), randomHex(8));
    }

    /** The header's value: {@code 00-<trace id>-<parent span id>-01}. */
    public String header() {
        return "00-" + traceId + "-" + parentSpanId + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C calls invalid
        return HexFormat.of().formatHex(random);
    }
}
