package se.municipality.eops.localstack.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.util.JSONArrayUtils;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalMailServerTest {

    private static final HttpClient http = HttpClient.newHttpClient();

    private LocalMailServer mailServer;
    private MailViewer viewer;

    @BeforeEach
    void start() {
        mailServer = LocalMailServer.start(0, 0);
        viewer = MailViewer.start(0, mailServer::receivedMails);
    }

    @AfterEach
    void stop() {
        viewer.stop();
        mailServer.stop();
    }

    @Test
    void mailSentOverSmtpShowsInTheViewerApiForItsRecipient() throws Exception {
        send("noreply@kommun.example", "anna.andersson@kommun.example", "Receipt for your request", "Thank you.");
        send("noreply@kommun.example", "erik.ek@kommun.example", "Something else", "Hello Erik.");

        List<Object> annasMail = await().atMost(Duration.ofSeconds(10))
                .until(() -> messagesFor("anna.andersson@kommun.example"), mails -> !mails.isEmpty());

        assertThat(annasMail).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> mail = (Map<String, Object>) annasMail.get(0);
        assertThat(mail)
                .containsEntry("to", List.of("anna.andersson@kommun.example"))
                .containsEntry("from", "noreply@kommun.example")
                .containsEntry("subject", "Receipt for your request")
                .containsKey("receivedAt");
        assertThat((String) mail.get("body")).contains("Thank you.");
        assertThat(JSONArrayUtils.parse(get("/api/messages").body())).hasSize(2);
    }

    @Test
    void mailToSeveralRecipientsIsListedOnceWithAllOfThem() throws Exception {
        send("noreply@kommun.example", "rolf.lind@kommun.example, rut.holm@kommun.example", "Review", "Please.");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> mailServer.receivedMails().size() == 1
                        && mailServer.receivedMails().get(0).to().size() == 2);

        assertThat(mailServer.receivedMails().get(0).to())
                .containsExactlyInAnyOrder("rolf.lind@kommun.example", "rut.holm@kommun.example");
    }

    @Test
    void recipientReadsTheMailboxOverImapWithTheAddressAsUserAndPassword() throws Exception {
        send("noreply@kommun.example", "cecilia.berg@kommun.example", "New request", "A request waits.");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !mailServer.receivedMails().isEmpty());

        Properties properties = new Properties();
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("localhost", mailServer.imapPort(), "cecilia.berg@kommun.example", "cecilia.berg@kommun.example");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).extracting(Message::getSubject).containsExactly("New request");
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void pagesEscapeWhatTheMailSays() throws Exception {
        send("noreply@kommun.example", "arvid.sten@kommun.example", "<script>alert(1)</script>", "<b>&</b>");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !mailServer.receivedMails().isEmpty());

        String list = get("/").body();
        String mail = get("/mail/1").body();

        assertThat(list).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(mail).contains("&lt;b&gt;&amp;&lt;/b&gt;").doesNotContain("<script>");
        assertThat(get("/mail/2").statusCode()).isEqualTo(404);
    }

    /** A benchmark's thousands of receipts once filled the dev-services heap and killed the process. */
    @Test
    void keepsOnlyTheNewestMailsPastItsLimit() throws Exception {
        LocalMailServer small = LocalMailServer.start(0, 0, 10);
        try {
            for (int i = 1; i <= 12; i++) {
                sendVia(small.smtpPort(), "noreply@kommun.example", "rut.holm@kommun.example", "Mail " + i, "Text.");
            }

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> small.receivedMails().stream()
                            .anyMatch(mail -> mail.subject().equals("Mail 12")));
            assertThat(small.receivedMails())
                    .extracting(ReceivedMail::subject)
                    .containsExactly(
                            "Mail 3", "Mail 4", "Mail 5", "Mail 6", "Mail 7", "Mail 8", "Mail 9", "Mail 10", "Mail 11",
                            "Mail 12");
        } finally {
            small.stop();
        }
    }

    /** Without it every EHLO answer waits for the client's delayed ACK (~40 ms; see PromptSmtpServer). */
    @Test
    void smtpConnectionsSendEachAnswerAtOnceWithoutNagleDelay() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                Socket accepted = listener.accept()) {
            assertThat(accepted.getTcpNoDelay()).isFalse();

            mailServer.smtpServer().createProtocolHandler(accepted);

            assertThat(accepted.getTcpNoDelay()).isTrue();
        }
    }

    private void send(String from, String to, String subject, String text) throws Exception {
        sendVia(mailServer.smtpPort(), from, to, subject, text);
    }

    private static void sendVia(int smtpPort, String from, String to, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "localhost");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject);
        message.setText(text);
        Transport.send(message);
    }

    private List<Object> messagesFor(String address) throws Exception {
        return JSONArrayUtils.parse(get("/api/messages?to=" + address).body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://localhost:" + viewer.port() + path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
