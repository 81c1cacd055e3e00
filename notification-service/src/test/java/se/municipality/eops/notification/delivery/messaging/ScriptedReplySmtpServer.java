package se.municipality.eops.notification.delivery.messaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An SMTP server for the protocol cases the test kit's {@code ScriptedSmtpServer} does not script: the
 * answers to {@code RCPT TO}, {@code DATA} and the end of the message (the final "."), and how long the
 * last one takes, per message. It counts every message whose final "." it read, whatever it answered:
 * those a mail server may have taken.
 */
final class ScriptedReplySmtpServer implements AutoCloseable {

    /** The answer to one message's final ".", and how long the server takes to give it. */
    record EndOfData(String reply, Duration delay) {
        static EndOfData accepted() {
            return new EndOfData("250 2.0.0 queued", Duration.ZERO);
        }
    }

    private final ServerSocket socket;
    private final AtomicInteger messagesReceived = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile String rcptReply = "250 2.1.5 OK";
    private volatile String dataReply = "354 go ahead";
    /** By the message's number (1 for the first message this server read to its end). */
    private volatile IntFunction<EndOfData> endOfData = number -> EndOfData.accepted();

    ScriptedReplySmtpServer() {
        try {
            socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread thread = new Thread(this::serve, "scripted-reply-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    ScriptedReplySmtpServer answeringRcpt(String reply) {
        rcptReply = reply;
        return this;
    }

    ScriptedReplySmtpServer answeringData(String reply) {
        dataReply = reply;
        return this;
    }

    ScriptedReplySmtpServer answeringEndOfData(IntFunction<EndOfData> answer) {
        endOfData = answer;
        return this;
    }

    /** Messages the server read to their final ".", whether it then accepted them, refused them or was too slow. */
    int messagesReceived() {
        return messagesReceived.get();
    }

    int connections() {
        return connections.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread conversation = new Thread(() -> talkTo(client), "scripted-reply-smtp-client");
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException closed) {
                // the test is over
            }
        }
    }

    private void talkTo(Socket client) {
        try (client) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = client.getOutputStream();
            reply(out, "220 scripted ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-scripted\r\n250 8BITMIME");
                } else if (command.startsWith("RCPT")) {
                    reply(out, rcptReply);
                } else if (command.startsWith("DATA")) {
                    reply(out, dataReply);
                    if (!dataReply.startsWith("354")) {
                        continue;
                    }
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        // the message; only its end matters here
                    }
                    EndOfData answer = endOfData.apply(messagesReceived.incrementAndGet());
                    Thread.sleep(answer.delay().toMillis());
                    reply(out, answer.reply());
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException hungUp) {
            // the client hung up (it gave up waiting), or the test is over
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
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
