package se.municipality.eops.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import se.municipality.eops.portal.PortalMvcTest;
import se.municipality.eops.portal.PortalTestConfiguration;

class SecurityHeadersTest extends PortalMvcTest {

    @Test
    void everyPageCarriesTheStrictContentSecurityPolicyAndTheOtherSecurityHeaders() throws Exception {
        mvc.perform(get("/handlers").with(as("nils", "CASE_HANDLER")))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy",
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                                        + " connect-src 'self'; frame-ancestors 'none'; form-action 'self' "
                                        + PortalTestConfiguration.ISSUER + "; base-uri 'self'"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"));
    }

    @Test
    void theErrorPagesCarryThemToo() throws Exception {
        mvc.perform(get("/team/requests").with(as("nils", "CASE_HANDLER")))
                .andExpect(status().isForbidden())
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void logoutNeedsTheCsrfTokenAndEndsTheLoginAtTheProviderToo() throws Exception {
        mvc.perform(post("/logout").with(as("anna", "ESERVICE_ADMINISTRATOR"))).andExpect(status().isForbidden());

        String location = mvc.perform(post("/logout")
                        .with(as("anna", "ESERVICE_ADMINISTRATOR"))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        URI endSession = URI.create(location);
        assertThat(location).startsWith(PortalTestConfiguration.ISSUER + "/connect/logout?");
        var query = UriComponentsBuilder.fromUri(endSession).build().getQueryParams();
        assertThat(query.getFirst("id_token_hint")).isNotBlank();
        assertThat(query.getFirst("post_logout_redirect_uri")).isEqualTo("http://localhost:8080/");
    }
}
