package se.municipality.eops.portal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.municipality.eops.portal.services.PermissionServiceClient;
import se.municipality.eops.portal.services.PublicationServiceClient;
import se.municipality.eops.portal.services.PurgeServiceClient;
import se.municipality.eops.portal.services.RequestServiceClient;
import se.municipality.eops.portal.services.ServiceProblem;

/**
 * The desks' page tests share one Spring context: the portal with its security filter chain as it runs, the typed
 * service clients replaced by mocks (what a service answers is the test's to say; how the clients read HTTP answers
 * is tested with the clients).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PortalTestConfiguration.class)
public abstract class DeskPageTest {

    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected RequestServiceClient requests;

    @MockitoBean
    protected PublicationServiceClient publication;

    @MockitoBean
    protected PurgeServiceClient purge;

    @MockitoBean
    protected PermissionServiceClient permissions;

    /** Logged in as {@code userId} with {@code roles} (names without ROLE_). */
    protected static RequestPostProcessor as(String userId, String... roles) {
        return oidcLogin()
                .idToken(token -> token.subject(userId).claim("name", userId))
                .authorities(java.util.Arrays.stream(roles)
                        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                        .toList());
    }

    /** The page rendered with every text found in the bundles (a missing key shows as ??key??). */
    protected static ResultMatcher everyTextFound() {
        return content().string(not(containsString("??")));
    }

    /** A service's 400 naming {@code field}. */
    protected static ServiceProblem invalid(String service, String field, String message) {
        return new ServiceProblem(
                service,
                400,
                "Invalid request",
                field + ": " + message,
                null,
                List.of(new ServiceProblem.FieldProblem(field, message)));
    }

    /** A service's refusal with no field of the form: {@code status} (403, 409) and its detail. */
    protected static ServiceProblem refused(String service, int status, String detail) {
        return new ServiceProblem(service, status, "Refused", detail, null, List.of());
    }
}
