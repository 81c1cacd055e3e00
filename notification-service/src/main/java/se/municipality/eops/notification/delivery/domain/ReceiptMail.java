package se.municipality.eops.notification.delivery.domain;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestSubmitted;

/**
 * The receipt a requester gets when their request has arrived: Swedish, with a short English
 * summary at the end, plain text. A pure function of the event, so the same event always gives the
 * same mail.
 */
public final class ReceiptMail {

    /** The template name that {@code NotificationSent} and the metrics carry. */
    public static final String TEMPLATE = "request-received";

    /** Requesters are municipal staff in Sweden; times are shown as their clocks show them. */
    public static final ZoneId SWEDISH_TIME = ZoneId.of("Europe/Stockholm");

    private static final DateTimeFormatter SWEDISH_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("sv-SE"));
    private static final DateTimeFormatter ENGLISH_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private final String frontendBaseUrl;

    /**
     * @param frontendBaseUrl where requesters follow their requests in the web front end, e.g.
     *     {@code https://e-tjanster.kommun.se}; null when there is none, and the mail has no link
     */
    public ReceiptMail(URI frontendBaseUrl) {
        if (frontendBaseUrl == null) {
            this.frontendBaseUrl = null;
        } else {
            String url = frontendBaseUrl.toString();
            this.frontendBaseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }

    /** The id of the receipt notification for a submitted request: one per event. */
    public static String notificationId(UUID requestSubmittedEventId) {
        return "receipt:" + requestSubmittedEventId;
    }

    public OutgoingMail compose(RequestSubmitted event) {
        Kind kind = kindOf(event);
        String link = linkTo(event.requestId()).orElse(null);
        String subject =
                "Vi har tagit emot din begäran – " + capitalize(kind.swedish()) + " (" + event.requestId() + ")";
        return new OutgoingMail(
                notificationId(event.eventId()), event.requester().email(), subject, body(event, kind, link));
    }

    /** The receipt as the message a notification stores: Swedish with an English summary, plain text and HTML. */
    public Message message(RequestSubmitted event) {
        OutgoingMail mail = compose(event);
        return Message.withHtmlPart(
                "sv", mail.subject(), mail.body(), linkTo(event.requestId()).orElse(null));
    }

    /** Where the requester follows the request in the front end; empty when no front end is configured. */
    public Optional<String> linkTo(String requestId) {
        return Optional.ofNullable(frontendBaseUrl).map(base -> base + "/requests/" + encodePathSegment(requestId));
    }

    /** @param link where the requester follows the request, or null to leave it out */
    private static String body(RequestSubmitted event, Kind kind, String link) {
        String name = event.requester().name();
        String submittedAt = event.occurredAt().atZone(SWEDISH_TIME).format(SWEDISH_DATE_TIME);
        String submittedAtInEnglish = event.occurredAt().atZone(SWEDISH_TIME).format(ENGLISH_DATE_TIME);

        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Begäran", event.requestId()});
        facts.add(new String[] {"Typ", capitalize(kind.swedish())});
        if (kind.eService() != null) {
            facts.add(new String[] {"E-tjänst", kind.eService()});
        }
        facts.addAll(kind.details());
        facts.add(new String[] {"Inskickad", submittedAt + " (svensk tid)"});

        StringBuilder text = new StringBuilder();
        text.append(isBlank(name) ? "Hej!" : "Hej " + name.strip() + "!").append("\n\n");
        text.append("Vi har tagit emot din begäran. Det centrala e-tjänstteamet går igenom den, ")
                .append("och du får besked när något händer.\n\n");
        for (String[] fact : facts) {
            text.append(String.format("%-11s%s", fact[0] + ":", fact[1])).append('\n');
        }
        text.append('\n');
        if (link != null) {
            text.append("Följ din begäran här: ").append(link).append("\n\n");
        }
        text.append("Det här meddelandet skickas automatiskt och går inte att svara på. ")
                .append("Frågor om en viss e-tjänst ställer du till kontakten under ")
                .append("\"Frågor om e-tjänsten\" i den.\n\n");
        text.append("Med vänliga hälsningar\nCentrala e-tjänstteamet\n\n");
        text.append("-- \n");
        text.append("In English: we have received your request ")
                .append(event.requestId())
                .append(" (")
                .append(kind.english())
                .append(kind.eService() == null ? "" : ", " + kind.eService())
                .append("), submitted on ")
                .append(submittedAtInEnglish)
                .append(" Swedish time. ")
                .append(link == null ? "" : "Follow it at " + link + ". ")
                .append("This is an automated message; please do not reply.\n");
        return text.toString();
    }

    /**
     * What the request is about, in a few words, and the facts worth repeating back.
     *
     * @param details label and value of each further fact, in Swedish
     */
    private record Kind(String swedish, String english, String eService, List<String[]> details) {

        Kind(String swedish, String english) {
            this(swedish, english, null, List.of());
        }
    }

    private static List<String[]> detail(String label, String value) {
        return value == null ? List.of() : List.<String[]>of(new String[] {label, value});
    }

    private static Kind kindOf(RequestSubmitted event) {
        if (event.requestType() == null) {
            return new Kind("begäran", "request");
        }
        return switch (event.requestType()) {
            case PUBLICATION -> publication(event.publication());
            case PURGE -> purge(event.purge());
            case PERMISSION -> permission(event.permission());
        };
    }

    private static Kind publication(PublicationRequest publication) {
        if (publication == null) {
            return new Kind("publicering", "publication");
        }
        String eService = eService(publication.eServiceName(), publication.eServiceId());
        List<String[]> version = detail("Version", publication.versionLabel());
        if (publication.kind() == PublicationRequest.PublicationKind.NEW_ESERVICE) {
            return new Kind("publicering av ny e-tjänst", "publication of a new e-service", eService, version);
        }
        if (publication.kind() == PublicationRequest.PublicationKind.NEW_VERSION) {
            return new Kind("publicering av ny version", "publication of a new version", eService, version);
        }
        return new Kind("publicering", "publication", eService, version);
    }

    private static Kind purge(PurgeRequest purge) {
        if (purge == null) {
            return new Kind("gallring", "purge");
        }
        String eService = eService(purge.eServiceName(), purge.eServiceId());
        if (purge.kind() == PurgeRequest.PurgeKind.TEST_CASES) {
            return new Kind("gallring av testärenden", "purge of test cases", eService, List.of());
        }
        if (purge.kind() == PurgeRequest.PurgeKind.RETENTION) {
            List<String[]> basis = new ArrayList<>(detail("Nämnd", purge.committee()));
            basis.addAll(detail("Beslut", purge.purgeDecisionReference()));
            return new Kind(
                    "gallring enligt dokumenthanteringsplanen", "purge under the retention schedule", eService, basis);
        }
        return new Kind("gallring", "purge", eService, List.of());
    }

    private static Kind permission(PermissionRequest permission) {
        if (permission == null || permission.role() == null) {
            return new Kind("behörighet", "permission");
        }
        String[] role = switch (permission.role()) {
            case ADMINISTRATOR -> new String[] {"administratör", "administrator"};
            case EDITOR -> new String[] {"redaktör", "editor"};
            case CASE_HANDLER -> new String[] {"handläggare", "case handler"};
        };
        boolean revoke = permission.change() == PermissionRequest.Change.REVOKE;
        String swedish = (revoke ? "borttagning av behörighet som " : "behörighet som ") + role[0];
        String english = (revoke ? "revocation of " : "grant of ") + role[1] + " permission";
        String eService = permission.eServiceId() == null && permission.eServiceName() == null
                ? null
                : eService(permission.eServiceName(), permission.eServiceId());
        return new Kind(swedish, english, eService, detail("Gäller", concerns(permission)));
    }

    private static String concerns(PermissionRequest permission) {
        if (permission.group() != null) {
            int members = permission.group().members() == null
                    ? 0
                    : permission.group().members().size();
            return "gruppen " + permission.group().name() + " (" + members + (members == 1 ? " person)" : " personer)");
        }
        if (permission.person() != null) {
            return isBlank(permission.person().name())
                    ? permission.person().userId()
                    : permission.person().name() + " (" + permission.person().userId() + ")";
        }
        return null;
    }

    private static String eService(String name, String id) {
        if (isBlank(name)) {
            return id;
        }
        return id == null ? name : name + " (" + id + ")";
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** RFC 3986: everything but the unreserved characters percent-encoded as UTF-8. */
    private static String encodePathSegment(String segment) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && UNRESERVED.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
