package se.municipality.eops.portal.layout;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page, error pages included: who is logged in, their links, the current path. */
@ControllerAdvice
class LayoutModel {

    /** The person logged in: name to show, user id, roles (without {@code ROLE_}). */
    public record Person(String name, String userId, List<String> roles) {}

    @ModelAttribute("person")
    Person person() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(name -> name.startsWith("ROLE_"))
                .map(name -> name.substring("ROLE_".length()))
                .toList();
        String name = user.getFullName() != null ? user.getFullName() : authentication.getName();
        return new Person(name, authentication.getName(), roles);
    }

    @ModelAttribute("navigation")
    List<Navigation.Link> navigation() {
        Person person = person();
        return person == null ? List.of() : Navigation.linksFor(person.roles());
    }

    /** The path of the page, for the language links ({@code ?lang=en} on the same page) and the current link. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        Object forwarded = request.getAttribute("jakarta.servlet.forward.request_uri");
        Object failed = request.getAttribute("jakarta.servlet.error.request_uri");
        String path =
                failed != null ? failed.toString() : forwarded != null ? forwarded.toString() : request.getRequestURI();
        String context = request.getContextPath();
        return path.startsWith(context) ? path.substring(context.length()) : path;
    }
}
