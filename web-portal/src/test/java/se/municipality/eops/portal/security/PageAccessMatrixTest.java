package se.municipality.eops.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import se.municipality.eops.portal.PortalMvcTest;

/** Every page of issue 13 against every role: the roles of the page get it, everyone else the 403 page. */
class PageAccessMatrixTest extends PortalMvcTest {

    private static final List<String> ROLES = List.of(
            "ESERVICE_ADMINISTRATOR",
            "ESERVICE_AMBASSADOR",
            "CENTRAL_TEAM",
            "REFERENCE_GROUP",
            "ARCHIVIST",
            "CASE_HANDLER");
    private static final List<String> REQUESTERS = List.of("ESERVICE_ADMINISTRATOR", "ESERVICE_AMBASSADOR");

    /** Each path of 13-shared.md with the roles that may open it (null: every logged-in person). */
    private static final Map<String, List<String>> PAGES = Map.ofEntries(
            Map.entry("/requests/new", REQUESTERS),
            Map.entry("/drafts/DRF-1/steps/1", REQUESTERS),
            Map.entry("/requests", REQUESTERS),
            Map.entry("/requests/REQ-1", REQUESTERS),
            Map.entry("/team/requests", List.of("CENTRAL_TEAM")),
            Map.entry("/team/requests/REQ-1", List.of("CENTRAL_TEAM")),
            Map.entry("/team/checklist", List.of("CENTRAL_TEAM")),
            Map.entry("/team/trainings", List.of("CENTRAL_TEAM")),
            Map.entry("/team/retention-rules", List.of("CENTRAL_TEAM")),
            Map.entry("/team/legal-holds", List.of("CENTRAL_TEAM")),
            Map.entry("/team/subscribers", List.of("CENTRAL_TEAM")),
            Map.entry("/reviews", List.of("REFERENCE_GROUP")),
            Map.entry("/reviews/REV-1", List.of("REFERENCE_GROUP")),
            Map.entry("/reviews/delegation", List.of("REFERENCE_GROUP")),
            Map.entry("/purges", List.of("ARCHIVIST")),
            Map.entry("/purges/PRG-1", List.of("ARCHIVIST")),
            Map.entry("/purge-log", List.of("ARCHIVIST")),
            Map.entry("/purge-log/export.csv", List.of("ARCHIVIST")),
            Map.entry("/handlers", ROLES));

    @Test
    void everyPageIsForItsRolesAndA403PageForEveryOtherRole() throws Exception {
        for (var page : PAGES.entrySet()) {
            for (String role : ROLES) {
                MvcResult result = mvc.perform(get(page.getKey()).with(as("someone", role)))
                        .andReturn();
                int status = result.getResponse().getStatus();
                if (page.getValue().contains(role)) {
                    assertThat(status)
                            .as("%s as %s", page.getKey(), role)
                            .isNotEqualTo(403)
                            .isLessThan(500 + 3);
                    assertThat(result.getResponse().getForwardedUrl())
                            .as("%s as %s", page.getKey(), role)
                            .isNotEqualTo("/forbidden");
                } else {
                    assertThat(status).as("%s as %s", page.getKey(), role).isEqualTo(403);
                    assertThat(result.getResponse().getForwardedUrl())
                            .as("%s as %s", page.getKey(), role)
                            .isEqualTo("/forbidden");
                }
            }
        }
    }

    @Test
    void theForbiddenPageIsRenderedInThePersonsLanguage() throws Exception {
        mvc.perform(get("/forbidden").with(as("nils", "CASE_HANDLER")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("<main id=\"main\"")))
                .andExpect(content().string(Matchers.containsString("Du har inte behörighet till sidan")));
        mvc.perform(get("/forbidden").param("lang", "en").with(as("nils", "CASE_HANDLER")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("You may not open this page")));
    }

    @Test
    void nilsIsRefusedTheFormWithThe403Page() throws Exception {
        mvc.perform(get("/requests/new").with(as("nils", "CASE_HANDLER")))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/forbidden"));
    }

    @Test
    void aPersonNotLoggedInIsSentToTheLogin() throws Exception {
        mvc.perform(get("/requests"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/eops"));
    }

    @Test
    void theNavigationShowsOnlyThePagesOfThePersonsRoles() throws Exception {
        mvc.perform(get("/handlers").with(as("arvid", "ARCHIVIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"/purges\"")))
                .andExpect(content().string(Matchers.containsString("href=\"/purge-log\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/team/requests\""))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/requests/new\""))));
    }
}
