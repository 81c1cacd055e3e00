package se.municipality.eops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailboxesTest {

    @Test
    void picksTheMessagesOfAnySmtpServerAddressedToOnePerson() throws Exception {
        MimeMessage toAnna = message("Anna.Andersson@kommun.example", "kvitto");
        MimeMessage toErik = message("erik.ek@kommun.example", "kvitto");
        MimeMessage toBoth = message("erik.ek@kommun.example, anna.andersson@kommun.example", "granskning");

        assertThat(Mailboxes.to(List.of(toAnna, toErik, toBoth), "anna.andersson@kommun.example"))
                .containsExactly(toAnna, toBoth);
        assertThat(Mailboxes.to(List.of(toAnna, toErik), "rut.holm@kommun.example"))
                .isEmpty();
    }

    private static MimeMessage message(String recipients, String subject) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipients));
        message.setSubject(subject);
        return message;
    }
}
