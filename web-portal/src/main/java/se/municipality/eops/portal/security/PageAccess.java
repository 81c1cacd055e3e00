package se.municipality.eops.portal.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which roles may open which pages: the one table the security filter enforces (403 page for anyone else) and the
 * navigation reads (a person sees only the links they may follow). A new page gets its row here; a path no row
 * matches is open to every logged-in person.
 */
public final class PageAccess {

    public static final String ESERVICE_ADMINISTRATOR = "ESERVICE_ADMINISTRATOR";
    public static final String ESERVICE_AMBASSADOR = "ESERVICE_AMBASSADOR";
    public static final String CENTRAL_TEAM = "CENTRAL_TEAM";
    public static final String REFERENCE_GROUP = "REFERENCE_GROUP";
    public static final String ARCHIVIST = "ARCHIVIST";

    private static final List<String> REQUESTERS = List.of(ESERVICE_ADMINISTRATOR, ESERVICE_AMBASSADOR);

    /** A path pattern ({@code /team/**} also matches {@code /team}) and the roles that may open it. */
    public record Rule(String pattern, List<String> roles) {

        private static final PathPatternParser PARSER = new PathPatternParser();

        public Rule {
            roles = List.copyOf(roles);
        }

        boolean matches(String path) {
            PathPattern parsed = PARSER.parse(pattern);
            return parsed.matches(PathContainer.parsePath(path));
        }
    }

    /** In order: the first row that matches a path decides. */
    public static final List<Rule> RULES = List.of(
            // The requester's pages: new request (type picker), its steps, my requests, one request.
            new Rule("/requests/**", REQUESTERS),
            new Rule("/drafts/**", REQUESTERS),
            // The central team: queue, one request, checklist, trainings, retention rules, legal holds, subscribers.
            new Rule("/team/**", List.of(CENTRAL_TEAM)),
            // The reference group: reviews waiting for me, one review, delegation.
            new Rule("/reviews/**", List.of(REFERENCE_GROUP)),
            // Archivists: purge plans, one plan, the purge log and its CSV export.
            new Rule("/purges/**", List.of(ARCHIVIST)),
            new Rule("/purge-log/**", List.of(ARCHIVIST)));

    private PageAccess() {}

    /** The rule that decides {@code path}; empty when any logged-in person may open it (e.g. {@code /handlers}). */
    public static Optional<Rule> ruleFor(String path) {
        return RULES.stream().filter(rule -> rule.matches(path)).findFirst();
    }

    /** Whether a person with {@code roles} (names without {@code ROLE_}) may open {@code path}. */
    public static boolean mayOpen(String path, Collection<String> roles) {
        return ruleFor(path)
                .map(rule -> rule.roles().stream().anyMatch(roles::contains))
                .orElse(true);
    }
}
