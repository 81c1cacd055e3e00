package se.municipality.eops.notification.delivery.messaging;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.function.Consumer;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.notification.delivery.application.ChannelGateway;
import se.municipality.eops.notification.delivery.application.MailNotDeliveredException;
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

    @Override
    public void send(Notification notification) {
        Runnable guarded = Retry.decorateRunnable(
                retry, CircuitBreaker.decorateRunnable(breaker, () -> send.accept(notification)));
        try {
            guarded.run();
        } catch (CallNotPermittedException open) {
            throw new MailNotDeliveredException("circuit breaker " + breaker.getName() + " is open", open);
        }
    }

    @Override
    public boolean available() {
        CircuitBreaker.State state = breaker.getState();
        return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }
}
