package se.municipality.eops.notification.delivery.messaging;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.notification.delivery.application.ChannelGateway;
import se.municipality.eops.notification.delivery.application.DeliverNotifications;
import se.municipality.eops.notification.delivery.application.MailGateway;
import se.municipality.eops.notification.delivery.application.MailNotDeliveredException;
import se.municipality.eops.notification.delivery.application.NotificationProperties;
import se.municipality.eops.notification.delivery.application.OutcomeUnknownException;
import se.municipality.eops.notification.delivery.application.RecipientRejectedException;
import se.municipality.eops.notification.delivery.domain.Notification;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.notification.delivery.domain.OutgoingMail;
import se.municipality.eops.starter.scheduling.LockedJobs;

/**
 * Wires the sending side: one Resilience4j retry and circuit breaker per channel (their meters go to
 * Prometheus as {@code resilience4j_*}, their state changes also count in
 * {@code eops_notifications_breaker_transitions_total}), the sender threads, and the sweep that sends
 * what is left pending, one replica at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationProperties.class, ResilienceProperties.class, WebhookProperties.class})
class DeliveryConfiguration {

    static final String SWEEP = "notification-sweep";

    @Bean
    CircuitBreakerRegistry notificationCircuitBreakers(ResilienceProperties properties, MeterRegistry meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(breakerConfig(properties));
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        registry.getEventPublisher().onEntryAdded(added -> countTransitions(added.getAddedEntry(), meters));
        return registry;
    }

    @Bean
    RetryRegistry notificationRetries(ResilienceProperties properties, MeterRegistry meters) {
        RetryRegistry registry = RetryRegistry.of(retryConfig(properties));
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
        return registry;
    }

    /**
     * Every channel's breaker. It counts failures that say the channel is unwell: not taken for now, and sent
     * without an answer ({@link OutcomeUnknownException}: a server too slow to confirm). A refusal for good says
     * nothing about the channel (a content policy, an unknown address) and is ignored: neither a failure nor a
     * success, and in the half-open state it gives its trial back, so such a mail never keeps the breaker open.
     */
    static CircuitBreakerConfig breakerConfig(ResilienceProperties properties) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breakerWindow())
                .minimumNumberOfCalls(properties.breakerMinimumCalls())
                .failureRateThreshold(properties.breakerFailureRate())
                .waitDurationInOpenState(properties.breakerOpenFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(MailNotDeliveredException.class, OutcomeUnknownException.class)
                .ignoreExceptions(RecipientRejectedException.class)
                .build();
    }

    /**
     * Every channel's retry: only what was not taken ({@link MailNotDeliveredException}); never a refusal for
     * good, nor a send whose outcome is unknown (the channel may have it: a retry could be a second copy).
     */
    static RetryConfig retryConfig(ResilienceProperties properties) {
        return RetryConfig.custom()
                .maxAttempts(properties.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.retryWait(), 2))
                .retryExceptions(MailNotDeliveredException.class)
                .build();
    }

    @Bean
    ChannelGateway emailChannel(MailGateway mail, CircuitBreakerRegistry breakers, RetryRegistry retries) {
        return resilient(
                Channel.EMAIL,
                notification -> mail.send(new OutgoingMail(
                        notification.id(),
                        notification.recipient(),
                        notification.message().subject(),
                        notification.message().text(),
                        notification.message().html())),
                breakers,
                retries);
    }

    @Bean
    ChannelGateway webhookChannel(WebhookGateway webhooks, CircuitBreakerRegistry breakers, RetryRegistry retries) {
        return resilient(Channel.WEBHOOK, webhooks::send, breakers, retries);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService notificationSenders(NotificationProperties properties) {
        AtomicInteger number = new AtomicInteger();
        return new ThreadPoolExecutor(
                properties.senderThreads(),
                properties.senderThreads(),
                1,
                TimeUnit.MINUTES,
                // Personal notifications first (DeliverNotifications.SendTask); bounded by sendSoon.
                new PriorityBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "notification-sender-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    @Bean
    DeliverNotifications deliverNotifications(
            Notifications notifications,
            List<ChannelGateway> channels,
            ExecutorService notificationSenders,
            Clock clock,
            NotificationProperties properties,
            MeterRegistry meters) {
        return new DeliverNotifications(notifications, channels, notificationSenders, clock, properties, meters);
    }

    @Bean
    LockedJobs notificationSweep(
            LockingTaskExecutor lock, DeliverNotifications deliver, NotificationProperties properties) {
        return new LockedJobs("notification-sweep", lock)
                .every(
                        properties.sweepInterval(),
                        SWEEP,
                        properties.claimLease().plus(Duration.ofSeconds(30)),
                        deliver::sweep);
    }

    private static ChannelGateway resilient(
            Channel channel,
            java.util.function.Consumer<Notification> send,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries) {
        String name = channel.name().toLowerCase(Locale.ROOT);
        return new ResilientChannel(channel, send, breakers.circuitBreaker(name), retries.retry(name));
    }

    private static void countTransitions(CircuitBreaker breaker, MeterRegistry meters) {
        breaker.getEventPublisher()
                .onStateTransition(event -> meters.counter(
                                "eops.notifications.breaker.transitions",
                                "name",
                                breaker.getName(),
                                "from",
                                event.getStateTransition().getFromState().name(),
                                "to",
                                event.getStateTransition().getToState().name())
                        .increment());
    }
}
