package se.municipality.eops.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on a fixed local port, for outage tests. Before {@link #open()} and after {@link
 * #close()} nothing listens there (connections are refused, as with a broker that is down); while
 * open, connections reach the target. {@link #cutOff()} is a network failure of a running system:
 * every live connection is dropped at once and new ones are accepted and dropped (counted in
 * {@link #dropped()}, which proves a client tried), until {@link #open()} forwards again.
 */
public final class TcpProxy implements AutoCloseable {

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> live = new HashSet<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private ServerSocket server;
    private boolean forwarding;

    public TcpProxy(int port, String targetHost, int targetPort) {
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public int port() {
        return port;
    }

    /** Forwards connections to the target from now on. */
    public synchronized void open() {
        listen();
        forwarding = true;
    }

    /** Drops every live connection and every new one until {@link #open()}. */
    public synchronized void cutOff() {
        listen();
        forwarding = false;
        dropLive();
    }

    /** Connections forwarded so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Connections dropped at once while cut off. */
    public int dropped() {
        return dropped.get();
    }

    private void listen() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", port));
            server = socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket listening = server;
        Thread acceptor = new Thread(() -> acceptLoop(listening), "tcp-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop(ServerSocket listening) {
        while (!listening.isClosed()) {
            Socket client;
            try {
                client = listening.accept();
            } catch (IOException closed) {
                return;
            }
            connect(listening, client);
        }
    }

    private void connect(ServerSocket listening, Socket client) {
        Socket target = null;
        synchronized (this) {
            if (server != listening || !forwarding) {
                dropped.incrementAndGet();
                closeQuietly(client);
                return;
            }
            try {
                target = new Socket(targetHost, targetPort);
            } catch (IOException unreachable) {
                closeQuietly(client);
                return;
            }
            live.add(client);
            live.add(target);
            accepted.incrementAndGet();
        }
        pipe(client, target);
        pipe(target, client);
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException ignored) {
                        // one side closed
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        forget(from, to);
                    }
                },
                "tcp-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void forget(Socket one, Socket other) {
        live.remove(one);
        live.remove(other);
    }

    private void dropLive() {
        live.forEach(TcpProxy::closeQuietly);
        live.clear();
    }

    /** Stops listening and drops every live connection. */
    @Override
    public synchronized void close() {
        if (server != null) {
            closeQuietly(server);
            server = null;
        }
        forwarding = false;
        dropLive();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
