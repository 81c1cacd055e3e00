package se.municipality.eops.localstack.mail;

import static se.municipality.eops.localstack.http.HttpExchanges.HTML;
import static se.municipality.eops.localstack.http.HttpExchanges.JSON;
import static se.municipality.eops.localstack.http.HttpExchanges.TEXT;
import static se.municipality.eops.localstack.http.HttpExchanges.allowOnlyReads;
import static se.municipality.eops.localstack.http.HttpExchanges.queryParameters;
import static se.municipality.eops.localstack.http.HttpExchanges.respond;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only web view of the local mail server, so a developer sees the suite's mail without an IMAP client.
 *
 * <ul>
 *   <li>{@code GET /} a page listing every mail, newest first</li>
 *   <li>{@code GET /mail/{n}} one mail's text; n counts from 1, oldest first</li>
 *   <li>{@code GET /api/messages[?to=address]} the mails as JSON, oldest first, for scripts and CI:
 *       {@code [{"id":1,"to":[...],"from":"...","subject":"...","receivedAt":"...","body":"..."}]}</li>
 * </ul>
 */
public final class MailViewer {

    private static final Pattern MAIL_PATH = Pattern.compile("/mail/(\\d{1,9})");
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<List<ReceivedMail>> mails;

    private MailViewer(HttpServer server, ExecutorService executor, Supplier<List<ReceivedMail>> mails) {
        this.server = server;
        this.executor = executor;
        this.mails = mails;
    }

    /** Serves {@code mails} (oldest first) on localhost:{@code port}; 0 picks a free port. */
    public static MailViewer start(int port, Supplier<List<ReceivedMail>> mails) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on localhost:" + port + " for the mail viewer", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mail-viewer");
            thread.setDaemon(true);
            return thread;
        });
        MailViewer viewer = new MailViewer(server, executor, mails);
        server.createContext("/", viewer::handle);
        server.setExecutor(executor);
        server.start();
        return viewer;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!allowOnlyReads(exchange)) {
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Matcher mailPath = MAIL_PATH.matcher(path);
            if (path.equals("/")) {
                respond(exchange, 200, HTML, listPage(mails.get()));
            } else if (path.equals("/api/messages")) {
                String to = queryParameters(exchange.getRequestURI()).get("to");
                respond(exchange, 200, JSON, messagesJson(mails.get(), to));
            } else if (mailPath.matches()) {
                showMail(exchange, Integer.parseInt(mailPath.group(1)));
            } else {
                respond(exchange, 404, TEXT, "Not found. The mail list is at /\n");
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, TEXT, "Mail viewer failed: " + e.getMessage() + "\n");
        }
    }

    private void showMail(HttpExchange exchange, int number) throws IOException {
        List<ReceivedMail> all = mails.get();
        if (number < 1 || number > all.size()) {
            respond(
                    exchange,
                    404,
                    HTML,
                    page("No such mail", "<p>There is no mail " + number + ". <a href=\"/\">Back to the list</a></p>"));
            return;
        }
        respond(exchange, 200, HTML, mailPage(number, all.get(number - 1)));
    }

    private static String messagesJson(List<ReceivedMail> all, String to) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ReceivedMail mail = all.get(i);
            if (to != null && !to.isBlank() && !mail.isFor(to)) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", i + 1);
            entry.put("to", mail.to());
            entry.put("from", mail.from());
            entry.put("subject", mail.subject());
            entry.put("receivedAt", mail.receivedAt().toString());
            entry.put("body", mail.body());
            json.add(entry);
        }
        return JSONArrayUtils.toJSONString(json);
    }

    private static String listPage(List<ReceivedMail> all) {
        StringBuilder rows = new StringBuilder();
        for (int number = all.size(); number >= 1; number--) {
            ReceivedMail mail = all.get(number - 1);
            rows.append("<tr><td>")
                    .append(escape(LOCAL_TIME.format(mail.receivedAt())))
                    .append("</td><td>")
                    .append(escape(mail.from()))
                    .append("</td><td>")
                    .append(escape(String.join(", ", mail.to())))
                    .append("</td><td><a href=\"/mail/")
                    .append(number)
                    .append("\">")
                    .append(escape(mail.subject().isBlank() ? "(no subject)" : mail.subject()))
                    .append("</a></td></tr>\n");
        }
        String body = all.isEmpty()
                ? "<p>No mail yet. This page refreshes itself every five seconds.</p>"
                : "<table><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr>\n" + rows + "</table>";
        // The refresh saves pressing F5 while waiting for the suite to send something.
        return page("Local mail (" + all.size() + ")", body)
                .replace("<head>", "<head><meta http-equiv=\"refresh\" content=\"5\">");
    }

    private static String mailPage(int number, ReceivedMail mail) {
        String body = "<p><a href=\"/\">&larr; All mail</a></p><table>"
                + "<tr><th>Received</th><td>" + escape(LOCAL_TIME.format(mail.receivedAt())) + "</td></tr>"
                + "<tr><th>From</th><td>" + escape(mail.from()) + "</td></tr>"
                + "<tr><th>To</th><td>" + escape(String.join(", ", mail.to())) + "</td></tr>"
                + "<tr><th>Subject</th><td>" + escape(mail.subject()) + "</td></tr>"
                + "</table><pre>" + escape(mail.body()) + "</pre>";
        return page("Mail " + number, body);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border-bottom:1px solid #ddd;padding:.3em .8em;text-align:left;vertical-align:top}"
                + "pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style></head><body><h1>"
                + escape(title) + "</h1>\n" + body + "\n</body></html>\n";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
