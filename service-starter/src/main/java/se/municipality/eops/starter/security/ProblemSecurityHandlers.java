package se.municipality.eops.starter.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem details, like every other error of the suite. */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) ->
                write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "A valid bearer token is required.", "Bearer");
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(
                response,
                HttpStatus.FORBIDDEN,
                "Forbidden",
                "Your roles do not allow this.",
                "Bearer error=\"insufficient_scope\"");
    }

    private static void write(
            HttpServletResponse response, HttpStatus status, String title, String detail, String challenge)
            throws IOException {
        response.setStatus(status.value());
        response.setHeader("WWW-Authenticate", challenge);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                        + ",\"detail\":\"" + detail + "\"}");
    }
}
