package se.municipality.eops.portal.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import se.municipality.eops.portal.PortalTestConfiguration;

@SpringBootTest
@AutoConfigureMockMvc
@Import(PortalTestConfiguration.class)
class PageAccessMatrixTest {

    @Autowired
    MockMvc mvc;

    @Test
    void handlerSearchRendersForAnyLoggedInPerson() throws Exception {
        mvc.perform(get("/handlers").with(oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_CASE_HANDLER"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"main\"")));
    }

    @Test
    void anotherRolesPageIsA403Page() throws Exception {
        mvc.perform(get("/team/requests")
                        .with(oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_CASE_HANDLER"))))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/forbidden"));
        mvc.perform(get("/forbidden").with(oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_CASE_HANDLER"))))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"main\"")));
    }
}
