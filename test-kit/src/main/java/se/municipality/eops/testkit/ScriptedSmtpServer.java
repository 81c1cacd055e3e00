package se.municipality.eops.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP server that answers {@code RCPT TO} as told, so tests see how the real mail client reports
 * refusals: one answer for every address, or answers for single addresses ({@link #refuse}). Accepts
 * everything else, keeps the messages it received, as raw text, and counts the connections; each
 * client gets a thread of its own, so a client may keep several connections open.
 *
 * <p>{@linkplain #relayingTo Relaying} to another SMTP server (the shared GreenMail), it passes every
 * message it accepted on, unchanged, to the recipients it accepted: GreenMail takes any address, and
 * this is how a test gets a real mail server that refuses one recipient for good and delivers to the others.
 *
 * <p>As a {@linkplain #submission submission server} it behaves like one on port 587: it offers
 * STARTTLS, offers {@code AUTH PLAIN} only once the connection is encrypted, and takes no mail before
 * both happened.
 *
 * <p>It also answers {@code DATA} ({@link #answeringData}) and each message's end, the final "." ({@link
 * #answeringEndOfData}: a reply and how long it takes), as told, and counts every message it read to its end
 * ({@link #messagesReceived}), whatever it then answered: the messages a mail server may have taken. The end of
 * a message to one address can have an answer of its own ({@link #answeringEndOfDataTo}: a server that keeps
 * deferring one recipient's mail, greylisting or a rate limit, and takes the others).
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** The answer to one message's final ".", and how long the server takes to give it. */
    public record EndOfData(String reply, Duration delay) {
        public static EndOfData accepted() {
            return new EndOfData("250 2.0.0 queued", Duration.ZERO);
        }
    }

    private final ServerSocket socket;
    private final String rcptReply;
    private final SSLContext tls;
    private final String username;
    private final String password;
    private final String relayHost;
    private final int relayPort;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> recipientsTried = new ConcurrentHashMap<>();
    private final Map<String, String> endOfDataTo = new ConcurrentHashMap<>();
    private volatile boolean hangUpAfterEachMessage;
    private final AtomicInteger messagesReceived = new AtomicInteger();
    private volatile String dataReply = "354 go ahead";
    /** By the message's number (1 for the first message this server read to its end). */
    private volatile IntFunction<EndOfData> endOfData = number -> EndOfData.accepted();

    /** Answers every {@code RCPT TO} with {@code rcptReply}, e.g. {@code "550 5.1.1 no such user"}. */
    public ScriptedSmtpServer(String rcptReply) {
        this(rcptReply, null, null, null, null, 0);
    }

    private ScriptedSmtpServer(
            String rcptReply, SSLContext tls, String username, String password, String relayHost, int relayPort) {
        this.rcptReply = rcptReply;
        this.tls = tls;
        this.username = username;
        this.password = password;
        this.relayHost = relayHost;
        this.relayPort = relayPort;
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
    public static ScriptedSmtpServer submission(SSLContext tls, String username, String password) {
        return new ScriptedSmtpServer("250 OK", tls, username, password, null, 0);
    }

    /** Accepts every address not {@linkplain #refuse refused} and passes the mail on to the server given. */
    public static ScriptedSmtpServer relayingTo(String host, int port) {
        return new ScriptedSmtpServer("250 OK", null, null, null, host, port);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** From now on answers {@code RCPT TO} of this address (any case) with {@code reply}, e.g. a 5xx. */
    public void refuse(String address, String reply) {
        refusals.put(address.toLowerCase(Locale.ROOT), reply);
    }

    /** How often a client has named this address in {@code RCPT TO}, accepted or refused. */
    public int recipientsTried(String address) {
        AtomicInteger tried = recipientsTried.get(address.toLowerCase(Locale.ROOT));
        return tried == null ? 0 : tried.get();
    }

    /** The messages accepted, as raw text. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** One line per message accepted: whether it came encrypted, and who had authenticated. */
    public List<String> deliveries() {
        return List.copyOf(deliveries);
    }

    /** From now on answers {@code DATA} with {@code reply}; one not starting with 354 takes no message. */
    public ScriptedSmtpServer answeringData(String reply) {
        dataReply = reply;
        return this;
    }

    /** From now on answers each message's final "." as {@code answer} says for its number, counting from 1. */
    public ScriptedSmtpServer answeringEndOfData(IntFunction<EndOfData> answer) {
        endOfData = answer;
        return this;
    }

    /**
     * From now on answers the final "." of each message to this address (any case) with {@code reply}, e.g. {@code
     * "451 4.7.1 greylisted, try again later"}, at once, whatever {@link #answeringEndOfData} says for the others; a
     * null {@code reply} answers it as the others again.
     */
    public ScriptedSmtpServer answeringEndOfDataTo(String address, String reply) {
        String key = address.toLowerCase(Locale.ROOT);
        if (reply == null) {
            endOfDataTo.remove(key);
        } else {
            endOfDataTo.put(key, reply);
        }
        return this;
    }

    /** Messages read to their final ".", whether it then accepted them, refused them or was too slow. */
    public int messagesReceived() {
        return messagesReceived.get();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /**
     * Whether it hangs up right after accepting a message, without a word, as a server does that
     * drops idle connections or allows one message per connection.
     */
    public void hangUpAfterEachMessage(boolean hangUp) {
        hangUpAfterEachMessage = hangUp;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread conversation = new Thread(() -> talkTo(client), "scripted-smtp-client");
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException closed) {
                // the test is over
            }
        }
    }

    private void talkTo(Socket client) {
        try (client) {
            converse(client);
        } catch (IOException hungUp) {
            // the client hung up, or the test is over
        }
    }

    private void converse(Socket client) throws IOException {
        Socket connection = client;
        BufferedReader in = reader(connection);
        OutputStream out = connection.getOutputStream();
        boolean encrypted = false;
        String authenticated = null;
        String sender = "";
        List<String> recipients = new ArrayList<>();
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
            } else if (command.startsWith("MAIL")) {
                sender = angled(line);
                recipients.clear();
                reply(out, "250 OK");
            } else if (command.startsWith("RSET")) {
                sender = "";
                recipients.clear();
                reply(out, "250 OK");
            } else if (command.startsWith("RCPT")) {
                String address = angled(line);
                String key = address.toLowerCase(Locale.ROOT);
                recipientsTried.computeIfAbsent(key, any -> new AtomicInteger()).incrementAndGet();
                String answer = refusals.getOrDefault(key, rcptReply);
                if (answer.startsWith("2")) {
                    recipients.add(address);
                }
                reply(out, answer);
            } else if (command.startsWith("DATA")) {
                String go = dataReply;
                reply(out, go);
                if (!go.startsWith("354")) {
                    continue;
                }
                StringBuilder message = new StringBuilder();
                for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                    message.append(data.startsWith("..") ? data.substring(1) : data)
                            .append("\r\n");
                }
                EndOfData answer = endOfData.apply(messagesReceived.incrementAndGet());
                String ownAnswer = ownEndOfData(recipients);
                if (ownAnswer != null) {
                    answer = new EndOfData(ownAnswer, Duration.ZERO);
                }
                pause(answer.delay());
                if (!answer.reply().startsWith("2")) {
                    reply(out, answer.reply());
                    continue;
                }
                if (relayHost != null && !relay(sender, recipients, message.toString())) {
                    reply(out, "451 4.4.1 could not pass the message on; try again later");
                    continue;
                }
                received.add(message.toString());
                deliveries.add((encrypted ? "encrypted" : "in clear") + ", authenticated as " + authenticated);
                reply(out, answer.reply());
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

    /** The answer of its own to the end of a message to one of these recipients, or null. */
    private String ownEndOfData(List<String> recipients) {
        for (String recipient : recipients) {
            String reply = endOfDataTo.get(recipient.toLowerCase(Locale.ROOT));
            if (reply != null) {
                return reply;
            }
        }
        return null;
    }

    /**
     * A server slow to answer. A sleep is right here: the delay is what the test asks this server to act out (a
     * real server's wait before its reply); nothing is awaited. The client may give up meanwhile (the reply then
     * fails to go out, as it would).
     */
    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes a message on unchanged, to the recipients accepted; whether the other server took it. */
    private boolean relay(String sender, List<String> recipients, String message) {
        try (Socket next = new Socket(relayHost, relayPort)) {
            next.setSoTimeout(10_000);
            BufferedReader in = reader(next);
            OutputStream out = next.getOutputStream();
            boolean accepted = answer(in).startsWith("220");
            accepted &= command(in, out, "EHLO scripted").startsWith("250");
            accepted &= command(in, out, "MAIL FROM:<" + sender + ">").startsWith("250");
            for (String recipient : recipients) {
                accepted &= command(in, out, "RCPT TO:<" + recipient + ">").startsWith("250");
            }
            accepted &= command(in, out, "DATA").startsWith("354");
            if (!accepted) {
                return false;
            }
            StringBuilder data = new StringBuilder();
            for (String line : message.split("\r\n", -1)) {
                data.append(line.startsWith(".") ? "." + line : line).append("\r\n");
            }
            // The message ends with a line break already: split left an empty last line.
            data.setLength(data.length() - 2);
            out.write(data.append(".\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            boolean queued = answer(in).startsWith("250");
            command(in, out, "QUIT");
            return queued;
        } catch (IOException unreachable) {
            return false;
        }
    }

    private static String command(BufferedReader in, OutputStream out, String command) throws IOException {
        reply(out, command);
        return answer(in);
    }

    /** The last line of a (multi-line) reply. */
    private static String answer(BufferedReader in) throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        return line == null ? "" : line;
    }

    /** The address between angle brackets of {@code MAIL FROM:<..>} or {@code RCPT TO:<..>}. */
    private static String angled(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        return open < 0 || close < 0 ? "" : line.substring(open + 1, close);
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
    public void close() {
        try {
            socket.close();
        } catch (IOException alreadyClosed) {
            // nothing left to release
        }
    }
}
