package se.municipality.eops.portal.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Which refusal a person sees. A form sent without a valid CSRF token is almost always a form from a session that
 * ended (logged out, timed out, the portal restarted) or one opened before signing in again: that is the
 * {@code /session-ended} page, which says so and leads back to the page the form was on (signing in first when
 * needed), never the wrong-role page. Anything else is the 403 page ({@code /forbidden}).
 */
public final class AccessDeniedPages implements AccessDeniedHandler {

    /** The request attribute with the page to go back to (a path of the portal, with its query). */
    public static final String RETURN_TO = "eops.returnTo";
    /** The request attribute saying whether the person is still logged in. */
    public static final String LOGGED_IN = "eops.loggedIn";

    private final AccessDeniedHandlerImpl wrongRole = new AccessDeniedHandlerImpl();
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    AccessDeniedPages() {
        wrongRole.setErrorPage("/forbidden");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException) || response.isCommitted()) {
            wrongRole.handle(request, response, denied);
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean loggedIn = authentication != null && trust.isAuthenticated(authentication);
        request.setAttribute(LOGGED_IN, loggedIn);
        response.setStatus(loggedIn ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_UNAUTHORIZED);
        request.setAttribute(RETURN_TO, returnTo(request));
        request.getRequestDispatcher("/session-ended").forward(request, response);
    }

    /**
     * The page the form was on: the Referer when it is one of ours (the portal sends it same-origin only), else the
     * address itself for a GET, else the start page. A form's POST address is no page to go back to.
     */
    static String returnTo(HttpServletRequest request) {
        String context = request.getContextPath();
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                boolean ours = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
                String path = uri.getRawPath();
                if (ours && path != null && path.startsWith(context + "/") && !path.startsWith(context + "//")) {
                    path = path.substring(context.length());
                    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
                }
            } catch (IllegalArgumentException notAnAddress) {
                // fall through to the address of the request
            }
        }
        if ("GET".equals(request.getMethod())) {
            String path = request.getRequestURI().substring(context.length());
            return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        }
        return "/";
    }
}
