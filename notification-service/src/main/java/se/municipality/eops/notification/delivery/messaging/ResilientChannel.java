package se.municipality.eops.notification.delivery.messaging;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.notification.delivery.application.ChannelGateway;
import se.municipality.eops.notification.delivery.application.ChannelUnavailableException;
import se.municipality.eops.notification.delivery.domain.Notification;

/**
 * A channel's send behind its own retry (with backoff) and circuit breaker: the breaker counts every
 * attempt, the retry gives a passing failure a few quick tries, and an open breaker refuses at once,
 * which leaves the notification pending until the channel is back.
 */
final class ResilientChannel implements ChannelGateway {

    private final Channel channel;
    private final Consumer<Notification> send;
    private final CircuitBreaker breaker;
    private final Retry retry;

    ResilientChannel(Channel channel, Consumer<Notification> send, CircuitBreaker breaker, Retry retry) {
        this.channel = channel;
        this.send = send;
        this.breaker = breaker;
        this.retry = retry;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A send the open breaker refused before any attempt reached the channel is a {@link
     * ChannelUnavailableException}: no try. When an attempt did reach it and failed, and the breaker then opened and
     * refused the retry's next one (a half-open breaker's trial), that attempt's failure is what the send answers:
     * the notification was tried.
     */
    @Override
    public void send(Notification notification) {
        AtomicReference<RuntimeException> tried = new AtomicReference<>();
        Runnable attempt = () -> {
            try {
                send.accept(notification);
            } catch (RuntimeException failed) {
                tried.set(failed);
                throw failed;
            }
        };
        Runnable guarded = Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(breaker, attempt));
        try {
            guarded.run();
        } catch (CallNotPermittedException open) {
            RuntimeException failedBefore = tried.get();
            if (failedBefore != null) {
                throw failedBefore;
            }
            throw new ChannelUnavailableException("circuit breaker " + breaker.getName() + " is open", open);
        }
    }

    @Override
    public boolean available() {
        CircuitBreaker.State state = breaker.getState();
        return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }
}
