package se.municipality.eops.portal.layout;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page, error pages included: who is logged in, their links, the current path. */
@ControllerAdvice
public class LayoutModel {

    /** The person logged in: name to show, user id, roles (without {@code ROLE_}). */
    public record Person(String name, String userId, List<String> roles) {}

    /**
     * The same for a page an {@code @ExceptionHandler} renders (Spring calls no {@code @ModelAttribute} method for
     * those): the service-down page, a refusal's message page.
     */
    public void addTo(org.springframework.ui.Model model, HttpServletRequest request) {
        model.addAttribute("person", person());
        model.addAttribute("navigation", navigation());
        model.addAttribute("currentPath", currentPath(request));
        model.addAttribute("pageAddress", pageAddress(request));
    }

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

    /**
     * The address of the page as a GET (path and query, without {@code lang}), for the language links ({@code
     * ?lang=en} on the same page, its filters kept) and "try again". A page rendered from a form's POST (a refused
     * form) is the page the form was on: the Referer when it is ours, else the form's address without its action
     * ({@code /team/requests/REQ-1/assignment} is on {@code /team/requests/REQ-1}).
     */
    @ModelAttribute("pageAddress")
    String pageAddress(HttpServletRequest request) {
        String path = currentPath(request);
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            Object forwardedQuery = request.getAttribute("jakarta.servlet.forward.query_string");
            Object errorUri = request.getAttribute("jakarta.servlet.error.request_uri");
            String query = errorUri != null
                    ? null
                    : forwardedQuery != null ? forwardedQuery.toString() : request.getQueryString();
            return withQuery(path, query);
        }
        String referer = ownReferer(request);
        if (referer != null) {
            return referer;
        }
        return pageOfAction(path);
    }

    /** The path and query of the Referer when it is a page of the portal, else null. */
    private static String ownReferer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            String context = request.getContextPath();
            String path = uri.getRawPath();
            boolean ours = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
            if (!ours || path == null || !path.startsWith(context + "/") || path.startsWith(context + "//")) {
                return null;
            }
            return withQuery(path.substring(context.length()), uri.getRawQuery());
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    /** A form's address without its action: the page the form is on. */
    static String pageOfAction(String path) {
        Matcher action = ACTION.matcher(path);
        if (!action.matches()) {
            return path;
        }
        return action.group(2).equals("submit") ? action.group(1) + "/steps/1" : action.group(1);
    }

    private static final Pattern ACTION =
            Pattern.compile("(/.+)/(assignment|rejection|comments|withdrawal|decision|approval|lift|plans|submit)");

    /** {@code path} with {@code query} less its {@code lang} parameter (the links add their own). */
    static String withQuery(String path, String query) {
        if (query == null || query.isBlank()) {
            return path;
        }
        String kept = Arrays.stream(query.split("&"))
                .filter(part -> !part.isEmpty() && !part.equals("lang") && !part.startsWith("lang="))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? path : path + "?" + kept;
    }

    /** The path of the page, for the current link of the navigation. */
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
