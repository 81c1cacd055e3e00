package se.municipality.eops.notification.delivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import se.municipality.eops.notification.delivery.application.MailNotDeliveredException;
import se.municipality.eops.notification.delivery.domain.OutgoingMail;
import se.municipality.eops.testkit.ScriptedSmtpServer;

/**
 * The mail settings of the service as it ships (its {@code application.yml}, Boot's mail sender)
 * against an SMTP server on this machine with a self-signed certificate for localhost, trusted the
 * way an environment trusts its own CA: an SSL bundle named in {@code spring.mail.ssl.bundle}.
 */
class SmtpConnectionSecurityTest {

    private static final String STORE_PASSWORD = "changeit";

    @TempDir
    static Path keys;

    static SSLContext serverTls;
    static Path certificate;

    private final OutgoingMail mail = new OutgoingMail(
            "receipt:" + UUID.randomUUID(),
            "anna.andersson@kommun.example",
            "Vi har tagit emot din begäran",
            "Hej Anna Andersson!\n");

    @BeforeAll
    static void selfSignedCertificateForLocalhost() throws Exception {
        Path keystore = keys.resolve("smtp-server.p12");
        certificate = keys.resolve("smtp-server.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "smtp",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                STORE_PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "smtp",
                "-keystore",
                keystore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-file",
                certificate.toString());

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keyStore.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, STORE_PASSWORD.toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
    }

    @Test
    void sendsOverStartTlsAndAuthenticatesWithTheCredentialsFromTheEnvironment() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.submission(serverTls, "e-tjanster", "s3cret")) {
            serviceMailSettings(server.port(), "EOPS_SMTP_USERNAME=e-tjanster", "EOPS_SMTP_PASSWORD=s3cret")
                    .withPropertyValues(trustingTheServersCertificate())
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        JavaMailSender sender = context.getBean(JavaMailSender.class);
                        assertThat(((JavaMailSenderImpl) sender).getJavaMailProperties())
                                .containsEntry("mail.smtp.auth", "true");

                        gatewayIn(context).send(mail);
                    });

            assertThat(server.deliveries()).containsExactly("encrypted, authenticated as e-tjanster");
        }
    }

    @Test
    void sendsNothingToAServerThatDoesNotOfferStartTls() throws Exception {
        try (ScriptedSmtpServer plain = new ScriptedSmtpServer("250 OK")) {
            serviceMailSettings(plain.port(), "EOPS_SMTP_USERNAME=e-tjanster", "EOPS_SMTP_PASSWORD=s3cret")
                    .withPropertyValues(trustingTheServersCertificate())
                    .run(context -> assertThatThrownBy(() -> gatewayIn(context).send(mail))
                            .isInstanceOf(MailNotDeliveredException.class)
                            .hasMessageContaining("STARTTLS"));

            assertThat(plain.received()).isEmpty();
        }
    }

    @Test
    void sendsNothingToAServerWhoseCertificateIsNotTrusted() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.submission(serverTls, "e-tjanster", "s3cret")) {
            serviceMailSettings(server.port(), "EOPS_SMTP_USERNAME=e-tjanster", "EOPS_SMTP_PASSWORD=s3cret")
                    .run(context -> assertThatThrownBy(() -> gatewayIn(context).send(mail))
                            .isInstanceOf(MailNotDeliveredException.class));

            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void talksPlainSmtpWithoutCredentialsOnlyWhenStartTlsIsSwitchedOff() throws Exception {
        try (ScriptedSmtpServer local = new ScriptedSmtpServer("250 OK")) {
            serviceMailSettings(local.port(), "EOPS_SMTP_STARTTLS=false").run(context -> {
                JavaMailSender sender = context.getBean(JavaMailSender.class);
                assertThat(((JavaMailSenderImpl) sender).getJavaMailProperties())
                        .doesNotContainKey("mail.smtp.auth");

                gatewayIn(context).send(mail);
            });

            assertThat(local.deliveries()).containsExactly("in clear, authenticated as null");
        }
    }

    /** The service's application.yml, with the environment variables given, and Boot's mail sender. */
    private static ApplicationContextRunner serviceMailSettings(int port, String... environment) {
        List<String> properties = new ArrayList<>(List.of("EOPS_SMTP_HOST=localhost", "EOPS_SMTP_PORT=" + port));
        properties.addAll(List.of(environment));
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MailSenderAutoConfiguration.class))
                .withUserConfiguration(MailSenderSettings.class)
                .withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues(properties.toArray(String[]::new));
    }

    /** How an environment trusts its own CA: a PEM file as an SSL bundle for the mail sender. */
    private static String[] trustingTheServersCertificate() {
        return new String[] {
            "spring.ssl.bundle.pem.smtp-ca.truststore.certificate=" + certificate.toUri(),
            "spring.mail.ssl.bundle=smtp-ca"
        };
    }

    /** The gateway over the connections the service's settings make. */
    private static SmtpMailGateway gatewayIn(ApplicationContext context) {
        return new SmtpMailGateway(context.getBean(SmtpConnections.class), "e-tjanster@kommun.example");
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
