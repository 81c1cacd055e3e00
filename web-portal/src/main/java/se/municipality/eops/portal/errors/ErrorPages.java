package se.municipality.eops.portal.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.client.RestClientException;
import se.municipality.eops.portal.layout.LayoutModel;
import se.municipality.eops.portal.security.AccessDeniedPages;
import se.municipality.eops.portal.services.ServiceProblem;
import se.municipality.eops.portal.services.ServiceUnavailable;

/**
 * The 403 page (the security filter forwards here) and what a service's answer becomes when the page that called it
 * did not handle it itself: its 404 and 403 as ours, other refusals as a message page with the service's words, a
 * service down (no answer, 5xx) as "try again in a while" (503).
 */
@Controller
@ControllerAdvice
class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final LayoutModel layout;

    ErrorPages(LayoutModel layout) {
        this.layout = layout;
    }

    @RequestMapping("/forbidden")
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "error/403";
    }

    /**
     * A form sent from a session that ended (or with a token from before signing in again): nothing was done; say so
     * and lead back to the page the form was on, which signs the person in first when needed.
     */
    @RequestMapping("/session-ended")
    String sessionEnded(HttpServletRequest request, Model model, HttpServletResponse response) {
        boolean loggedIn = Boolean.TRUE.equals(request.getAttribute(AccessDeniedPages.LOGGED_IN));
        Object returnTo = request.getAttribute(AccessDeniedPages.RETURN_TO);
        response.setStatus(loggedIn ? HttpStatus.FORBIDDEN.value() : HttpStatus.UNAUTHORIZED.value());
        model.addAttribute("loggedIn", loggedIn);
        model.addAttribute("returnTo", returnTo != null ? returnTo.toString() : "/");
        return "error/session-ended";
    }

    @ExceptionHandler(ServiceUnavailable.class)
    String unavailable(ServiceUnavailable down, Model model, HttpServletRequest request, HttpServletResponse response) {
        LOG.warn("{}", down.getMessage());
        return unavailablePage(down.service(), model, request, response);
    }

    /** No answer (connection refused, timeout), or one the portal cannot read: the same to the person. */
    @ExceptionHandler(RestClientException.class)
    String noAnswer(RestClientException down, Model model, HttpServletRequest request, HttpServletResponse response) {
        LOG.warn("A service does not answer as expected: {}", down.getMessage());
        return unavailablePage(null, model, request, response);
    }

    @ExceptionHandler(ServiceProblem.class)
    String refused(ServiceProblem problem, Model model, HttpServletRequest request, HttpServletResponse response) {
        layout.addTo(model, request);
        if (problem.status() == 404 || problem.status() == 410) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "error/404";
        }
        if (problem.status() == 401 || problem.status() == 403) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "error/403";
        }
        response.setStatus(problem.status());
        model.addAttribute("problem", problem);
        return "error/problem";
    }

    private String unavailablePage(
            String service, Model model, HttpServletRequest request, HttpServletResponse response) {
        layout.addTo(model, request);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("service", service);
        // After a form's POST, what was sent may have been done even so: say that, not "nothing is lost".
        model.addAttribute("afterPost", !"GET".equals(request.getMethod()));
        return "error/unavailable";
    }
}
