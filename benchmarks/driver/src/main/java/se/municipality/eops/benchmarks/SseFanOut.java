package se.municipality.eops.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * SSE fan-out: {@code streams} clients follow one request live ({@code GET /api/requests/{id}/events}, as its
 * requester), then, round after round, one {@code RequestStatusChanged} about it is sent to
 * {@code eops.request.events} with a plain Kafka producer, as request-service's relay sends it. The latency runs from
 * just before the send until the event's frame is read on each stream: the service's consumer, the dispatch to the
 * streams and the writes to 100 connections. Three unmeasured rounds come first.
 */
final class SseFanOut {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private static final int WARM_UP_ROUNDS = 3;

    private SseFanOut() {}

    static void run(Suite suite, int streamCount, int rounds, Duration roundLimit) throws Exception {
        String token = suite.token("anna");
        String requestId = new Intake(suite, token).file().get(60, TimeUnit.SECONDS);
        URI events = URI.create(suite.requestServiceUrl() + "/api/requests/" + requestId + "/events");
        List<Stream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < streamCount; i++) {
                streams.add(Stream.open(events, token, i));
            }
            // Each stream first gets the filing (sequence 1) from the database: then it is registered and hears.
            awaitAll(streams, 1, Duration.ofSeconds(60));
            System.out.printf("  %d streams open on %s; %d rounds%n", streamCount, requestId, rounds);

            LongSamples latencies = new LongSamples();
            long missing = 0;
            try (KafkaProducer<String, String> producer = producer(suite.kafkaBootstrap())) {
                // Unmeasured rounds first: the producer's first send waits for its connection and the topic's
                // metadata, and the service's path from consumer to streams runs cold.
                for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                    long sequence = round + 2;
                    producer.send(statusChanged(requestId, sequence));
                    producer.flush();
                    awaitAll(streams, sequence, roundLimit);
                }
                for (int round = 0; round < rounds; round++) {
                    long sequence = WARM_UP_ROUNDS + round + 2;
                    ProducerRecord<String, String> record = statusChanged(requestId, sequence);
                    long sentAt = System.nanoTime();
                    producer.send(record);
                    producer.flush();
                    awaitAll(streams, sequence, roundLimit);
                    for (Stream stream : streams) {
                        Long arrived = stream.arrivals.get(sequence);
                        if (arrived == null) {
                            missing++;
                        } else {
                            latencies.add((arrived - sentAt) / 1_000);
                        }
                    }
                }
            }
            Percentiles all = Percentiles.of(latencies.toArray());
            suite.record("sse.streams", streamCount);
            suite.record("sse.rounds", rounds);
            suite.record("sse.missing", missing);
            suite.record("sse.p50_ms", all.at(50) / 1000.0);
            suite.record("sse.p99_ms", all.at(99) / 1000.0);
            suite.record("sse.max_ms", all.at(100) / 1000.0);
        } finally {
            streams.forEach(Stream::close);
        }
    }

    private static void awaitAll(List<Stream> streams, long sequence, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (streams.stream().allMatch(stream -> stream.arrivals.containsKey(sequence))) {
                return;
            }
            // Only decides when the round is over; the arrival times are taken by each stream's reader.
            Thread.sleep(5);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    /** A RequestStatusChanged of the agreed shape about the request, as anna filed it. */
    static ProducerRecord<String, String> statusChanged(String requestId, long sequence) {
        String eventId = UUID.randomUUID().toString();
        boolean even = sequence % 2 == 0;
        String json = "{\"eventId\":\"" + eventId + "\",\"requestId\":\"" + requestId + "\",\"occurredAt\":\""
                + Instant.now() + "\",\"requester\":{\"userId\":\"anna\",\"name\":\"Anna Andersson\","
                + "\"email\":\"anna.andersson@kommun.example\",\"role\":\"ESERVICE_ADMINISTRATOR\"},"
                + "\"requestType\":\"PUBLICATION\",\"fromStatus\":\"" + (even ? "SUBMITTED" : "IN_PROGRESS")
                + "\",\"toStatus\":\"" + (even ? "IN_PROGRESS" : "SUBMITTED") + "\",\"sequence\":" + sequence
                + ",\"actor\":\"bench\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>("eops.request.events", requestId, json);
        Map.of(
                        "ce_type", "RequestStatusChanged",
                        "ce_id", eventId,
                        "ce_source", "/bench/sse-fan-out",
                        "ce_specversion", "1.0",
                        "ce_subject", requestId,
                        "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** One open stream; its reader thread stamps when each event id's line is read. */
    private static final class Stream {

        final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
        private final InputStream body;

        private Stream(InputStream body, int number) {
            this.body = body;
            Thread reader = new Thread(this::read, "sse-stream-" + number);
            reader.setDaemon(true);
            reader.start();
        }

        static Stream open(URI events, String token, int number) throws IOException, InterruptedException {
            HttpResponse<InputStream> response = HTTP.send(
                    HttpRequest.newBuilder(events)
                            .header("Accept", "text/event-stream")
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String answer = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                throw new IllegalStateException(events + " answered " + response.statusCode() + ": " + answer);
            }
            return new Stream(response.body(), number);
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("id:")) {
                        long now = System.nanoTime();
                        arrivals.putIfAbsent(Long.parseLong(line.substring(3).trim()), now);
                    }
                }
            } catch (IOException | NumberFormatException ended) {
                // closed at the end of the step
            }
        }

        void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
