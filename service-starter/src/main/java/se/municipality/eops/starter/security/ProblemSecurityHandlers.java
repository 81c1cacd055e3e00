package se.municipality.eops.starter.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as problem details, like every other error of the suite. */
final class ProblemSecurityHandlers {

    private static final JsonMapper PROBLEM_JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private ProblemSecurityHandlers() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                "Unauthorized",
                "A valid bearer token is required.",
                "Bearer");
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "Forbidden",
                "Your roles do not allow this.",
                "Bearer error=\"insufficient_scope\"");
    }

    private static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String title,
            String detail,
            String challenge)
            throws IOException {
        response.setStatus(status.value());
        response.setHeader("WWW-Authenticate", challenge);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.getWriter().write(PROBLEM_JSON.writeValueAsString(problem));
    }
}
