package se.municipality.eops.portal.layout;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.portal.DeskPageTest;
import se.municipality.eops.portal.services.PublicationServiceClient;
import se.municipality.eops.portal.services.RequestServiceClient;

/**
 * The language links lead to the same page as a GET: its query kept (filters, a search), and on a page rendered from
 * a refused form's POST the page the form was on, never the form's POST address (a GET there is a 405).
 */
class LanguageLinksTest extends DeskPageTest {

    @Test
    void theLanguageLinksKeepTheQueryOfThePage() throws Exception {
        when(requests.teamQueue(any())).thenReturn(new RequestServiceClient.TeamPage(List.of(), 0, 20, 0, 0));

        mvc.perform(get("/team/requests?status=SUBMITTED&eServiceId=es-1001&lang=en")
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "id=\"lang-sv\" lang=\"sv\" hreflang=\"sv\" href=\"/team/requests?status=SUBMITTED&amp;eServiceId=es-1001&amp;lang=sv\"")));
    }

    @Test
    void aPageRenderedFromARefusedFormLinksToThePageTheFormIsOn() throws Exception {
        when(requests.request("REQ-1")).thenReturn(request("REQ-1"));
        doThrow(new se.municipality.eops.portal.services.ServiceProblem(
                        "request", 409, "Conflict", "REQ-1 is completed", null, List.of()))
                .when(requests)
                .assign("REQ-1", "cecilia");

        mvc.perform(post("/team/requests/REQ-1/assignment")
                        .param("assignee", "cecilia")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/team/requests/REQ-1?lang=en\"")));
    }

    @Test
    void aPageRenderedFromARefusedFormLinksToTheRefererWhenItIsOurs() throws Exception {
        when(publication.review("rev-1"))
                .thenReturn(new PublicationServiceClient.Review(
                        "rev-1",
                        "es-2001",
                        "Parkering",
                        "Tekniska nämnden",
                        "Gatuenheten",
                        "1.0",
                        "REQ-1",
                        "anna",
                        Instant.parse("2026-12-07T09:00:00Z"),
                        1,
                        List.of(),
                        "IN_REVIEW",
                        2,
                        Instant.parse("2026-12-07T09:00:00Z"),
                        List.of(),
                        null));
        when(publication.decide(any(), any(), any(), any()))
                .thenThrow(new se.municipality.eops.portal.services.ServiceProblem(
                        "publication", 409, "Conflict", "the review is closed", null, List.of()));

        mvc.perform(post("/reviews/rev-1/decision")
                        .param("decision", "APPROVE")
                        .header("Referer", "http://localhost/reviews/rev-1?from=list")
                        .with(csrf())
                        .with(as("rolf", "REFERENCE_GROUP")))
                .andExpect(content().string(containsString("href=\"/reviews/rev-1?from=list&amp;lang=en\"")));

        mvc.perform(post("/reviews/rev-1/decision")
                        .param("decision", "APPROVE")
                        .header("Referer", "https://elsewhere.example/reviews/rev-9")
                        .with(csrf())
                        .with(as("rolf", "REFERENCE_GROUP")))
                .andExpect(content().string(containsString("href=\"/reviews/rev-1?lang=en\"")));
    }

    private static RequestServiceClient.Request request(String id) {
        return new RequestServiceClient.Request(
                id,
                "PUBLICATION",
                "COMPLETED",
                null,
                null,
                null,
                null,
                Instant.parse("2026-12-07T09:00:00Z"),
                List.of(),
                Instant.parse("2026-12-07T09:00:00Z"),
                null,
                false,
                null,
                null,
                null);
    }
}
