package se.municipality.eops.portal.errors;

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

    @RequestMapping("/forbidden")
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "error/403";
    }

    @ExceptionHandler(ServiceUnavailable.class)
    String unavailable(ServiceUnavailable down, Model model, HttpServletResponse response) {
        LOG.warn("{}", down.getMessage());
        return unavailablePage(down.service(), model, response);
    }

    /** No answer (connection refused, timeout), or one the portal cannot read: the same to the person. */
    @ExceptionHandler(RestClientException.class)
    String noAnswer(RestClientException down, Model model, HttpServletResponse response) {
        LOG.warn("A service does not answer as expected: {}", down.getMessage());
        return unavailablePage(null, model, response);
    }

    @ExceptionHandler(ServiceProblem.class)
    String refused(ServiceProblem problem, Model model, HttpServletResponse response) {
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

    private static String unavailablePage(String service, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("service", service);
        return "error/unavailable";
    }
}
