package se.municipality.eops.notification.delivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import se.municipality.eops.notification.delivery.application.MailNotDeliveredException;
import se.municipality.eops.notification.delivery.application.RecipientRejectedException;
import se.municipality.eops.notification.delivery.domain.OutgoingMail;
import se.municipality.eops.testkit.ScriptedSmtpServer;
import se.municipality.eops.testkit.ScriptedSmtpServer.EndOfData;
import se.municipality.eops.testkit.SharedInfrastructure;

class SmtpMailGatewayTest {

    private final UUID eventId = UUID.randomUUID();
    private final OutgoingMail mail = new OutgoingMail(
            "receipt:" + eventId,
            "anna.andersson@kommun.example",
            "Vi har tagit emot din begäran – Gallring av testärenden (req-1)",
            "Hej Anna Andersson!\n\nÅäö – allt kom fram.\n");

    @Test
    void sendsPlainUtf8TextWithAMessageIdThatIsTheSameOnEveryAttempt() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 OK")) {
            SmtpMailGateway gateway = gatewayFor(server.port());

            gateway.send(mail);
            gateway.send(mail);

            assertThat(server.received()).hasSize(2);
            MimeMessage first = parse(server.received().get(0));
            MimeMessage second = parse(server.received().get(1));
            assertThat(first.getMessageID())
                    .isEqualTo("<receipt." + eventId + "@kommun.example>")
                    .isEqualTo(second.getMessageID());
            assertThat(first.getSubject()).isEqualTo(mail.subject());
            assertThat(first.getFrom()[0].toString()).isEqualTo("e-tjanster@kommun.example");
            assertThat(first.getRecipients(Message.RecipientType.TO)[0].toString())
                    .isEqualTo("anna.andersson@kommun.example");
            assertThat(first.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
            // On the wire every line ends in CRLF, as SMTP requires.
            assertThat(first.getContent().toString().replace("\r\n", "\n")).isEqualTo(mail.body());
            assertThat(first.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        }
    }

    @Test
    void sendsManyMailsOverOneConnection() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 OK")) {
            SmtpMailGateway gateway = gatewayFor(server.port());

            for (int i = 0; i < 5; i++) {
                gateway.send(mail);
            }

            assertThat(server.received()).hasSize(5);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aKeptConnectionTheServerDroppedIsReplacedAndEachMailGoesOutOnce() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 OK")) {
            server.hangUpAfterEachMessage(true);
            SmtpMailGateway gateway = gatewayFor(server.port());

            gateway.send(mailNumber(1));
            gateway.send(mailNumber(2));
            gateway.send(mailNumber(3));

            assertThat(server.received())
                    .map(raw -> parse(raw).getSubject())
                    .containsExactly("mail 1", "mail 2", "mail 3");
            assertThat(server.connections()).isEqualTo(3);
        }
    }

    @Test
    void opensANewConnectionAfterTheMailsOneMayCarry() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 OK")) {
            SmtpMailGateway gateway = gatewayFor(server.port(), Duration.ofMinutes(1), 2);

            for (int i = 0; i < 5; i++) {
                gateway.send(mail);
            }

            assertThat(server.received()).hasSize(5);
            assertThat(server.connections()).isEqualTo(3);
        }
    }

    @Test
    void doesNotReuseAConnectionIdleLongerThanAllowed() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 OK")) {
            SmtpMailGateway gateway = gatewayFor(server.port(), Duration.ZERO, 100);

            gateway.send(mail);
            gateway.send(mail);

            assertThat(server.received()).hasSize(2);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void aRecipientRefusedWithA5xxIsRejectedForGood() throws Exception {
        try (ScriptedSmtpServer server =
                new ScriptedSmtpServer("550 5.1.1 <anna.andersson@kommun.example>: no such user")) {
            SmtpMailGateway gateway = gatewayFor(server.port());

            assertThatThrownBy(() -> gateway.send(mail))
                    .isInstanceOf(RecipientRejectedException.class)
                    .hasMessageContaining("550 5.1.1")
                    .hasMessageContaining("no such user");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void aRecipientRefusedForNowWithA4xxIsRetried() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("451 4.7.1 greylisted, try again later")) {
            SmtpMailGateway gateway = gatewayFor(server.port());

            assertThatThrownBy(() -> gateway.send(mail)).isInstanceOf(MailNotDeliveredException.class);
        }
    }

    @Test
    void aMessageRefusedWithA5xxAtItsEndIsRefusedForGood() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 2.1.5 OK")
                .answeringEndOfData(
                        number -> new EndOfData("554 5.7.1 message refused by content policy", Duration.ZERO))) {
            SmtpMailGateway gateway = gatewayFor(server.port());

            assertThatThrownBy(() -> gateway.send(mail))
                    .isInstanceOf(RecipientRejectedException.class)
                    .hasMessageContaining("554 5.7.1")
                    .hasMessageContaining("content policy");
            assertThat(server.messagesReceived()).isEqualTo(1);
        }
    }

    @Test
    void aMessageTooLargeForTheServerIsRefusedForGood() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 2.1.5 OK")
                .answeringEndOfData(
                        number -> new EndOfData("552 5.3.4 message size exceeds fixed limit", Duration.ZERO))) {
            SmtpMailGateway gateway = gatewayFor(server.port());

            assertThatThrownBy(() -> gateway.send(mail))
                    .isInstanceOf(RecipientRejectedException.class)
                    .hasMessageContaining("552 5.3.4");
        }
    }

    @Test
    void aRecipientRefusedWithA552IsRefusedForGood() {
        // Angus Mail files an address answered with 552 as "valid unsent", as if it were a 452.
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("552 5.2.2 mailbox full")) {
            SmtpMailGateway gateway = gatewayFor(server.port());

            assertThatThrownBy(() -> gateway.send(mail))
                    .isInstanceOf(RecipientRejectedException.class)
                    .hasMessageContaining("552 5.2.2");
            assertThat(server.messagesReceived()).isZero();
        }
    }

    @Test
    void aMessageRefusedWithA5xxToDataIsRefusedForGood() {
        try (ScriptedSmtpServer server =
                new ScriptedSmtpServer("250 2.1.5 OK").answeringData("554 5.5.1 no valid recipients")) {
            SmtpMailGateway gateway = gatewayFor(server.port());

            assertThatThrownBy(() -> gateway.send(mail))
                    .isInstanceOf(RecipientRejectedException.class)
                    .hasMessageContaining("554 5.5.1");
        }
    }

    @Test
    void aMessageRefusedForNowWithA4xxAtItsEndIsRetried() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 2.1.5 OK")
                .answeringEndOfData(number -> new EndOfData("451 4.3.0 try again later", Duration.ZERO))) {
            SmtpMailGateway gateway = gatewayFor(server.port());

            assertThatThrownBy(() -> gateway.send(mail))
                    .isInstanceOf(MailNotDeliveredException.class)
                    .hasMessageContaining("451 4.3.0");
        }
    }

    @Test
    void aMailServerThatIsDownIsRetried() {
        SmtpMailGateway gateway = gatewayFor(SharedInfrastructure.freePort());

        assertThatThrownBy(() -> gateway.send(mail))
                .isInstanceOf(MailNotDeliveredException.class)
                .hasMessageContaining("Connection refused");
    }

    @Test
    void somethingThatIsNoAddressIsRejectedWithoutAsking() {
        SmtpMailGateway gateway = gatewayFor(SharedInfrastructure.freePort());
        OutgoingMail toNobody = new OutgoingMail(mail.reference(), "anna at kommun", mail.subject(), mail.body());

        assertThatThrownBy(() -> gateway.send(toNobody)).isInstanceOf(RecipientRejectedException.class);
    }

    private OutgoingMail mailNumber(int number) {
        return new OutgoingMail(mail.reference() + "." + number, mail.to(), "mail " + number, mail.body());
    }

    private static SmtpMailGateway gatewayFor(int port) {
        return gatewayFor(port, Duration.ofSeconds(30), 100);
    }

    private static SmtpMailGateway gatewayFor(int port, Duration maxIdle, int messagesPerConnection) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(port);
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "2000");
        properties.setProperty("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(properties);
        return new SmtpMailGateway(
                new SmtpConnections(sender, maxIdle, messagesPerConnection, Clock.systemUTC()),
                "e-tjanster@kommun.example");
    }

    private static MimeMessage parse(String raw) {
        try {
            return new MimeMessage(
                    Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
