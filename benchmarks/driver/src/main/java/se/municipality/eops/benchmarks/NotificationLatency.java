package se.municipality.eops.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * POST → {@code NotificationSent}: files requests at a fixed rate (an open model: a slow answer does not slow the
 * next request), reads {@code eops.notification.events} with a plain consumer and joins both by request id. The
 * latency runs from just before the POST is sent until the event is read from Kafka.
 */
final class NotificationLatency {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationLatency() {}

    static void run(Suite suite, double perSecond, Duration warmUp, Duration measure, Duration drainLimit)
            throws InterruptedException {
        Intake intake = new Intake(suite, suite.token("anna"));
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> measuredOrder = new ConcurrentHashMap<>();
        Map<String, Long> notifiedAt = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Stages stages = new Stages();
        CountDownLatch consumerReady = new CountDownLatch(1);
        Thread reader = new Thread(
                () -> {
                    try (KafkaConsumer<String, String> consumer = KafkaReading.consumer(suite.kafkaBootstrap())) {
                        KafkaReading.assignAtEnd(consumer, "eops.notification.events", "eops.request.events");
                        consumerReady.countDown();
                        while (reading.get()) {
                            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                                long now = System.nanoTime();
                                long wallNow = System.currentTimeMillis();
                                String type = KafkaReading.header(record, "ce_type");
                                if (record.topic().equals("eops.request.events")) {
                                    stages.requestEvent(type, record.value(), record.timestamp());
                                    continue;
                                }
                                String requestId = sentRequestId(type, record.value());
                                if (requestId != null) {
                                    notifiedAt.putIfAbsent(requestId, now);
                                    stages.notificationSent(requestId, record.value(), record.timestamp(), wallNow);
                                }
                            }
                        }
                    }
                },
                "notification-reader");
        reader.start();
        if (!consumerReady.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Cannot read eops.notification.events");
        }

        AtomicLong failed = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long total = (long) Math.floor((warmUp.toNanos() + measure.toNanos()) / 1e9 * perSecond);
        long intervalNanos = (long) (1e9 / perSecond);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch answered = new CountDownLatch((int) total);
        clock.scheduleAtFixedRate(
                () -> {
                    long number = sequence.getAndIncrement();
                    if (number >= total) {
                        return;
                    }
                    long before = System.nanoTime();
                    long wallBefore = System.currentTimeMillis();
                    intake.file().whenComplete((requestId, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                        } else if (before >= measureFrom) {
                            sentAt.put(requestId, before);
                            stages.posted(requestId, wallBefore);
                            measuredOrder.put(requestId, number);
                        }
                        answered.countDown();
                    });
                },
                0,
                intervalNanos,
                TimeUnit.NANOSECONDS);
        System.out.printf(
                "  %d requests at %.0f/s (%ds warm-up, %ds measured)%n",
                total, perSecond, warmUp.toSeconds(), measure.toSeconds());
        answered.await(warmUp.toSeconds() + measure.toSeconds() + 120, TimeUnit.SECONDS);
        clock.shutdownNow();

        long drainDeadline = System.nanoTime() + drainLimit.toNanos();
        while (!notifiedAt.keySet().containsAll(sentAt.keySet()) && System.nanoTime() < drainDeadline) {
            // Polls the consumer's results until every request is answered or the deadline passes; the
            // latencies themselves are stamped by the consumer thread, so this interval does not enter them.
            Thread.sleep(200);
        }
        reading.set(false);
        reader.join();

        List<String> inOrder = new ArrayList<>(sentAt.keySet());
        inOrder.sort((a, b) -> Long.compare(measuredOrder.get(a), measuredOrder.get(b)));
        LongSamples all = new LongSamples();
        LongSamples first = new LongSamples();
        LongSamples last = new LongSamples();
        int missing = 0;
        for (int i = 0; i < inOrder.size(); i++) {
            String id = inOrder.get(i);
            Long notified = notifiedAt.get(id);
            if (notified == null) {
                missing++;
                continue;
            }
            long micros = (notified - sentAt.get(id)) / 1_000;
            all.add(micros);
            if (i < inOrder.size() / 3) {
                first.add(micros);
            } else if (i >= inOrder.size() - inOrder.size() / 3) {
                last.add(micros);
            }
        }
        stages.report(suite, inOrder);
        Percentiles latencies = Percentiles.of(all.toArray());
        suite.record("latency.rate", perSecond);
        suite.record("latency.requests", inOrder.size());
        suite.record("latency.failed_posts", failed.get());
        suite.record("latency.missing", missing);
        suite.record("latency.drain_limit_s", drainLimit.toSeconds());
        suite.record("latency.p50_ms", latencies.at(50) / 1000.0);
        suite.record("latency.p99_ms", latencies.at(99) / 1000.0);
        suite.record(
                "latency.first_third_p50_ms", Percentiles.of(first.toArray()).at(50) / 1000.0);
        suite.record("latency.last_third_p50_ms", Percentiles.of(last.toArray()).at(50) / 1000.0);
    }

    /** The request id of a {@code NotificationSent} event, or null for any other event. */
    static String sentRequestId(String typeHeader, String eventJson) {
        if (typeHeader != null && !typeHeader.contains("NotificationSent")) {
            return null;
        }
        try {
            JsonNode event = JSON.readTree(eventJson);
            if (!event.hasNonNull("requestId") || !event.hasNonNull("channel")) {
                return null;
            }
            // Without a type header: NotificationFailed carries a reason, NotificationSent does not.
            if (event.has("reason")) {
                return null;
            }
            return event.get("requestId").asText();
        } catch (Exception notJson) {
            return null;
        }
    }
}
