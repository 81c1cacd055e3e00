package se.municipality.eops.starter.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryEventPublisherBeansApplicationListener;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;

/**
 * The JSON log lines of the {@code kubernetes} profile (containers) carry the trace and span id of the span in scope,
 * as the plain lines do: with the shared defaults (export off) the tracer still puts them into the logging context.
 */
class JsonLogLinesTest {

    @Test
    void aJsonLineWrittenInsideASpanCarriesItsTraceAndSpanId() {
        new ApplicationContextRunner()
                .withInitializer(context -> {
                    // What SpringApplication registers from spring.factories: hands the tracer's events (a span in
                    // scope) to the listeners that put its ids into the logging context (MDC).
                    OpenTelemetryEventPublisherBeansApplicationListener.addWrapper();
                    context.addApplicationListener(new OpenTelemetryEventPublisherBeansApplicationListener());
                    context.getEnvironment().setActiveProfiles("kubernetes");
                    new SharedDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication());
                })
                .withPropertyValues("spring.application.name=json-logs-test")
                .withConfiguration(AutoConfigurations.of(
                        ObservationAutoConfiguration.class,
                        OpenTelemetrySdkAutoConfiguration.class,
                        OpenTelemetryTracingAutoConfiguration.class,
                        MicrometerTracingAutoConfiguration.class))
                .run(context -> {
                    String format = context.getEnvironment().getProperty("logging.structured.format.console");
                    assertThat(format).isEqualTo("ecs");
                    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
                    // Where Boot's logging system leaves the environment for its structured encoders.
                    logback.putObject(Environment.class.getName(), context.getEnvironment());
                    try {
                        StructuredLogEncoder encoder = new StructuredLogEncoder();
                        encoder.setContext(logback);
                        encoder.setFormat(format);
                        encoder.start();

                        Tracer tracer = context.getBean(Tracer.class);
                        Span span = tracer.nextSpan().name("request").start();
                        String line;
                        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                            line = new String(
                                    encoder.encode(new LoggingEvent(
                                            JsonLogLinesTest.class.getName(),
                                            logback.getLogger("se.municipality.eops.test"),
                                            Level.INFO,
                                            "handled",
                                            null,
                                            null)),
                                    StandardCharsets.UTF_8);
                        } finally {
                            span.end();
                        }

                        assertThat(line)
                                .contains("\"traceId\":\"" + span.context().traceId() + "\"")
                                .contains("\"spanId\":\"" + span.context().spanId() + "\"")
                                .contains("\"message\":\"handled\"");
                    } finally {
                        logback.removeObject(Environment.class.getName());
                    }
                });
    }
}
