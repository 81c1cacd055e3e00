package se.municipality.eops.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The portal's page tests: the whole application behind MockMvc (one Spring context for all of them), people logged
 * in with Spring Security's {@code oidcLogin()} (an ID token with their roles, and an access token the portal relays),
 * the services played by {@link FakeServices} over real HTTP.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PortalTestConfiguration.class)
public abstract class PortalMvcTest {

    protected static final FakeServices SERVICES = FakeServices.INSTANCE;
    protected static final String ACCESS_TOKEN = "access-token"; // what oidcLogin() gives the authorized client

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("request", "publication", "purge", "permission", "notification")) {
            registry.add("eops.portal.services." + service, SERVICES::baseUrl);
        }
    }

    @BeforeEach
    void freshServices() {
        SERVICES.reset();
    }

    /** A person logged in with {@code roles}, named as the demo users are. */
    protected static OidcLoginRequestPostProcessor as(String userId, String... roles) {
        return oidcLogin()
                .idToken(token -> token.subject(userId)
                        .claim("preferred_username", userId)
                        .claim("name", userId.substring(0, 1).toUpperCase() + userId.substring(1))
                        .claim("roles", List.of(roles)))
                .clientRegistration(PortalTestConfiguration.registration())
                .authorities(Arrays.stream(roles)
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toArray(SimpleGrantedAuthority[]::new));
    }
}
