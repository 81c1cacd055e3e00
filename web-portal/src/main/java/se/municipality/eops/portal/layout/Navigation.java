package se.municipality.eops.portal.layout;

import java.util.Collection;
import java.util.List;
import se.municipality.eops.portal.security.PageAccess;

/**
 * The links of the navigation, in order, each with its message key. Whether a person sees a link is
 * {@link PageAccess}'s decision for its path, so a link never leads to a 403.
 */
public final class Navigation {

    /** A link: its path and the message key of its text ({@code nav.*}). */
    public record Link(String path, String messageKey) {}

    static final List<Link> LINKS = List.of(
            new Link("/requests/new", "nav.requests.new"),
            new Link("/requests", "nav.requests.mine"),
            new Link("/team/requests", "nav.team.requests"),
            new Link("/team/checklist", "nav.team.checklist"),
            new Link("/team/trainings", "nav.team.trainings"),
            new Link("/team/retention-rules", "nav.team.retentionRules"),
            new Link("/team/legal-holds", "nav.team.legalHolds"),
            new Link("/team/subscribers", "nav.team.subscribers"),
            new Link("/reviews", "nav.reviews"),
            new Link("/reviews/delegation", "nav.reviews.delegation"),
            new Link("/purges", "nav.purges"),
            new Link("/purge-log", "nav.purgeLog"),
            new Link("/handlers", "nav.handlers"));

    private Navigation() {}

    /** The links a person with {@code roles} (without {@code ROLE_}) may follow. */
    public static List<Link> linksFor(Collection<String> roles) {
        return LINKS.stream()
                .filter(link -> PageAccess.mayOpen(link.path(), roles))
                .toList();
    }
}
