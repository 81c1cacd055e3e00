package se.municipality.eops.notification.delivery.application;

import se.municipality.eops.notification.delivery.domain.OutgoingMail;

/** Hands mail to the mail server. */
public interface MailGateway {

    /**
     * Returns once the server has accepted the mail for delivery.
     *
     * @throws RecipientRejectedException when the server refuses the recipient for good
     * @throws MailNotDeliveredException when sending failed in a way that may pass (retry later)
     */
    void send(OutgoingMail mail);
}
