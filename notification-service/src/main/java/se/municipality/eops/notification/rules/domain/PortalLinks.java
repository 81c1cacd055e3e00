package se.municipality.eops.notification.rules.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Where the recipient of a mail can open what it is about in the web portal ({@code eops.frontend.base-url}): a page
 * of their own role, by the rule's recipient that found them, since the portal's pages are per role and another
 * role's page is a 403 or a 404 to them.
 *
 * <ul>
 *   <li>{@code requester}: their request, {@code /requests/<requestId>};
 *   <li>{@code mailbox:CENTRAL_TEAM} (and its webhook): the request's desk page, {@code /team/requests/<requestId>};
 *   <li>{@code mailbox:REFERENCE_GROUP}, {@code person:delegate} (a reviewer deciding for another): the review,
 *       {@code /reviews/<reviewId>}, else the reviews waiting for them, {@code /reviews};
 *   <li>{@code mailbox:ARCHIVISTS}: the plan, {@code /purges/<planId or purgeId>}, else the plans, {@code /purges};
 *   <li>anyone else (the person a grant is for, an e-service's administrators, an access review's reviewers, a
 *       request's person who is not its requester): no link, the portal has no page of it for them.
 * </ul>
 */
public final class PortalLinks {

    /**
     * A page of the portal.
     *
     * @param page what it is, naming its label {@code link.<page>} in the templates: {@code request}, {@code team},
     *     {@code reviews} or {@code purges}
     */
    public record Link(String url, String page) {}

    private final String baseUrl;

    /** @param frontendBaseUrl the portal; null or blank for no links at all */
    public PortalLinks(String frontendBaseUrl) {
        this.baseUrl = frontendBaseUrl == null || frontendBaseUrl.isBlank()
                ? null
                : frontendBaseUrl.strip().replaceAll("/+$", "");
    }

    /** The page for whom {@code recipient} finds, about the event of {@code fields}; empty when there is none. */
    public Optional<Link> to(RecipientSpec recipient, Map<String, Object> fields) {
        if (baseUrl == null || recipient == null) {
            return Optional.empty();
        }
        return switch (recipient.kind()) {
            case REQUESTER -> page("request", "/requests", fields, "requestId", false);
            case MAILBOX ->
                switch (recipient.argument()) {
                    case "CENTRAL_TEAM" -> page("team", "/team/requests", fields, "requestId", false);
                    case "REFERENCE_GROUP" -> page("reviews", "/reviews", fields, "reviewId", true);
                    case "ARCHIVISTS" -> page("purges", "/purges", fields, "planId|purgeId", true);
                    default -> Optional.empty();
                };
            case PERSON ->
                "delegate".equals(recipient.argument())
                        ? page("reviews", "/reviews", fields, "reviewId", true)
                        : Optional.empty();
            case ADMINISTRATORS, REQUEST_PERSON -> Optional.empty();
        };
    }

    /**
     * {@code <base><path>/<id>} with the first present of the id fields; without one, the list {@code <base><path>}
     * when {@code orList}, else nothing.
     */
    private Optional<Link> page(String page, String path, Map<String, Object> fields, String ids, boolean orList) {
        for (String field : ids.split("\\|")) {
            Object id = fields.get(field);
            if (id != null && !id.toString().isBlank()) {
                return Optional.of(new Link(baseUrl + path + "/" + segment(id.toString()), page));
            }
        }
        return orList ? Optional.of(new Link(baseUrl + path, page)) : Optional.empty();
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
