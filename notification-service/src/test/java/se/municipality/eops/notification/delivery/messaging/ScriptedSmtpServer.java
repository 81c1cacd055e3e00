package se.municipality.eops.notification.delivery.messaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP server that answers {@code RCPT TO} as told, so tests see how the real mail client reports
 * refusals. Accepts everything else, keeps the messages it received, as raw text, and counts the
 * connections. It talks to one client at a time.
 *
 * <p>As a {@linkplain #submission submission server} it behaves like one on port 587: it offers
 * STARTTLS, offers {@code AUTH PLAIN} only once the connection is encrypted, and takes no mail before
 * both happened.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String rcptReply;
    private final SSLContext tls;
    private final String username;
    private final String password;
    final List<String> received = new CopyOnWriteArrayList<>();
    /** One line per message received: whether it came encrypted, and who had authenticated. */
    final List<String> deliveries = new CopyOnWriteArrayList<>();
    /** Connections accepted so far. */
    final AtomicInteger connections = new AtomicInteger();
    /**
     * Whether it hangs up right after accepting a message, without a word, as a server does that
     * drops idle connections or allows one message per connection.
     */
    volatile boolean hangUpAfterEachMessage;

    ScriptedSmtpServer(String rcptReply) {
        this(rcptReply, null, null, null);
    }

    private ScriptedSmtpServer(String rcptReply, SSLContext tls, String username, String password) {
        this.rcptReply = rcptReply;
        this.tls = tls;
        this.username = username;
        this.password = password;
        try {
            socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /** Requires STARTTLS with the certificate in {@code tls}, then AUTH PLAIN as the given user. */
    static ScriptedSmtpServer submission(SSLContext tls, String username, String password) {
        return new ScriptedSmtpServer("250 OK", tls, username, password);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                converse(client);
            } catch (IOException closed) {
                // the test is over, or the client hung up
            }
        }
    }

    private void converse(Socket client) throws IOException {
        Socket connection = client;
        BufferedReader in = reader(connection);
        OutputStream out = connection.getOutputStream();
        boolean encrypted = false;
        String authenticated = null;
        reply(out, "220 scripted ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO")) {
                reply(out, ehlo(encrypted));
            } else if (command.startsWith("STARTTLS") && tls != null && !encrypted) {
                reply(out, "220 2.0.0 ready to start TLS");
                connection = encrypt(client);
                encrypted = true;
                in = reader(connection);
                out = connection.getOutputStream();
            } else if (command.startsWith("AUTH PLAIN") && encrypted && username != null) {
                String response = line.length() > "AUTH PLAIN".length()
                        ? line.substring("AUTH PLAIN".length()).strip()
                        : challenge(in, out);
                // RFC 4616: [authorization id] NUL user NUL password
                String[] credentials = decode(response).split("\0", -1);
                if (credentials.length == 3 && username.equals(credentials[1]) && password.equals(credentials[2])) {
                    authenticated = username;
                    reply(out, "235 2.7.0 authenticated");
                } else {
                    reply(out, "535 5.7.8 authentication failed");
                }
            } else if (command.startsWith("MAIL") && tls != null && !encrypted) {
                reply(out, "530 5.7.0 must issue a STARTTLS command first");
            } else if (command.startsWith("MAIL") && username != null && authenticated == null) {
                reply(out, "530 5.7.0 authentication required");
            } else if (command.startsWith("RCPT")) {
                reply(out, rcptReply);
            } else if (command.startsWith("DATA")) {
                reply(out, "354 go ahead");
                StringBuilder message = new StringBuilder();
                for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                    message.append(data.startsWith("..") ? data.substring(1) : data)
                            .append("\r\n");
                }
                received.add(message.toString());
                deliveries.add((encrypted ? "encrypted" : "in clear") + ", authenticated as " + authenticated);
                reply(out, "250 2.0.0 queued");
                if (hangUpAfterEachMessage) {
                    return;
                }
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "250 OK");
            }
        }
    }

    private String ehlo(boolean encrypted) {
        StringBuilder extensions = new StringBuilder("250-scripted\r\n250-8BITMIME");
        if (tls != null && !encrypted) {
            extensions.append("\r\n250-STARTTLS");
        }
        if (username != null && encrypted) {
            extensions.append("\r\n250-AUTH PLAIN");
        }
        return extensions.append("\r\n250 SIZE 10240000").toString();
    }

    private SSLSocket encrypt(Socket plain) throws IOException {
        SSLSocket encrypted = (SSLSocket) tls.getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        encrypted.setUseClientMode(false);
        encrypted.startHandshake();
        return encrypted;
    }

    private static String challenge(BufferedReader in, OutputStream out) throws IOException {
        reply(out, "334 ");
        String response = in.readLine();
        return response == null ? "" : response.strip();
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    private static BufferedReader reader(Socket connection) throws IOException {
        return new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
