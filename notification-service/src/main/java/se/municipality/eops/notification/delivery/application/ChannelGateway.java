package se.municipality.eops.notification.delivery.application;

import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.notification.delivery.domain.Notification;

/** Hands a notification's message to one channel (e-mail, webhook), with its own retries and circuit breaker. */
public interface ChannelGateway {

    Channel channel();

    /**
     * Returns once the channel has accepted the message.
     *
     * @throws RecipientRejectedException when the channel refuses the recipient for good
     * @throws MailNotDeliveredException when sending failed in a way that may pass; a {@link
     *     ChannelUnavailableException} when the circuit breaker is open and the send never reached the channel
     */
    void send(Notification notification);

    /** False while the channel's circuit breaker is open: attempts would be refused without a try. */
    boolean available();
}
