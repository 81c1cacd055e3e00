package se.municipality.eops.notification.delivery.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long SMTP connections are kept ({@link SmtpConnections}).
 *
 * @param connectionMaxIdle a connection unused for longer is closed instead of reused: servers drop
 *     idle connections, and a mail should not be the one to find out
 * @param messagesPerConnection mails a connection carries before it is closed: servers limit them
 */
@ConfigurationProperties("eops.mail")
record SmtpConnectionProperties(
        @DefaultValue("30s") Duration connectionMaxIdle,
        @DefaultValue("100") int messagesPerConnection) {}
