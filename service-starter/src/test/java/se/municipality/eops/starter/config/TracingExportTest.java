package se.municipality.eops.starter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Span export with the starter's shared defaults: off unless {@code EOPS_TRACING_EXPORT_ENABLED=true}.
 * A local OTLP receiver stands where a collector would, at the address the services would export to.
 */
class TracingExportTest {

    private HttpServer collector;
    private final AtomicInteger exports = new AtomicInteger();

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/", exchange -> {
            exports.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    private ApplicationContextRunner serviceWithSharedDefaults() {
        return new ApplicationContextRunner()
                .withInitializer(context ->
                        new SharedDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
                .withPropertyValues(
                        "spring.application.name=tracing-test",
                        // Every span recorded, so an exporter, if there were one, would have something to send.
                        "EOPS_TRACING_SAMPLING_PROBABILITY=1.0",
                        "EOPS_OTLP_TRACING_ENDPOINT=http://127.0.0.1:"
                                + collector.getAddress().getPort() + "/v1/traces")
                .withConfiguration(AutoConfigurations.of(
                        ObservationAutoConfiguration.class,
                        OpenTelemetrySdkAutoConfiguration.class,
                        OpenTelemetryTracingAutoConfiguration.class,
                        OtlpTracingAutoConfiguration.class,
                        MicrometerTracingAutoConfiguration.class));
    }

    @Test
    void exportsNothingWithTheDefaults() {
        serviceWithSharedDefaults().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(OtlpHttpSpanExporter.class);
            assertThat(context).doesNotHaveBean(OtlpGrpcSpanExporter.class);

            recordASpan(context.getBean(Tracer.class));
            assertThat(context.getBean(SdkTracerProvider.class)
                            .forceFlush()
                            .join(10, TimeUnit.SECONDS)
                            .isSuccess())
                    .isTrue();
        });
        assertThat(exports).as("OTLP requests the collector received").hasValue(0);
    }

    @Test
    void exportsSpansToTheOtlpEndpointOnceTurnedOn() {
        serviceWithSharedDefaults()
                .withPropertyValues("EOPS_TRACING_EXPORT_ENABLED=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class);

                    recordASpan(context.getBean(Tracer.class));
                    context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
                    await().atMost(Duration.ofSeconds(10))
                            .untilAsserted(() -> assertThat(exports.get()).isPositive());
                });
    }

    private static void recordASpan(Tracer tracer) {
        Span span = tracer.nextSpan().name("work").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            assertThat(span.isNoop()).as("a recorded span").isFalse();
        } finally {
            span.end();
        }
    }
}
