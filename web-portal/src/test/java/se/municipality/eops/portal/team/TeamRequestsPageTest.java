package se.municipality.eops.portal.team;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.portal.DeskPageTest;
import se.municipality.eops.portal.services.RequestServiceClient;
import se.municipality.eops.portal.services.RequestServiceClient.Request;
import se.municipality.eops.portal.services.RequestServiceClient.TeamFilter;
import se.municipality.eops.portal.services.RequestServiceClient.TeamPage;
import tools.jackson.databind.json.JsonMapper;

class TeamRequestsPageTest extends DeskPageTest {

    static Request annasRequest(String id, String status) {
        return new Request(
                id,
                "PUBLICATION",
                status,
                new RequestServiceClient.Requester(
                        "anna", "Anna Andersson", "anna.andersson@kommun.example", "ESERVICE_ADMINISTRATOR"),
                JsonMapper.shared().readTree("{\"eServiceId\":\"es-2001\",\"eServiceName\":\"Parkeringstillstånd\"}"),
                null,
                null,
                Instant.parse("2026-12-07T09:00:00Z"),
                List.of(new RequestServiceClient.TimelineEntry(
                        1, Instant.parse("2026-12-07T09:00:00Z"), "STATUS_CHANGED", "SUBMITTED", "anna", null, null)),
                Instant.parse("2026-12-07T09:00:00Z"),
                null,
                true,
                null,
                null,
                null);
    }

    @Test
    void aFailedRequestSaysWhyItFailed() throws Exception {
        Request submitted = annasRequest("REQ-1", "FAILED");
        Request failed = new Request(
                submitted.id(),
                submitted.type(),
                submitted.status(),
                submitted.requester(),
                submitted.publication(),
                null,
                null,
                submitted.submittedAt(),
                submitted.timeline(),
                submitted.statusSince(),
                null,
                false,
                null,
                null,
                new RequestServiceClient.Failure(
                        "PURGE_PLAN_EXPIRED", "The plan was not approved before it expired", "purge-service"));
        when(requests.request("REQ-1")).thenReturn(failed);

        mvc.perform(get("/team/requests/REQ-1").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("Varför det misslyckades")))
                .andExpect(content().string(containsString("The plan was not approved before it expired")));
    }

    @Test
    void queueAsksTheServiceWithTheFiltersAndListsTheRequests() throws Exception {
        when(requests.teamQueue(any()))
                .thenReturn(new TeamPage(List.of(annasRequest("REQ-1", "SUBMITTED")), 0, 20, 1, 1));

        mvc.perform(get("/team/requests?status=SUBMITTED&type=&eServiceId=es-2001&overdue=true")
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/team/requests/REQ-1\"")))
                .andExpect(content().string(containsString("Anna Andersson")))
                .andExpect(content().string(containsString("<caption>")));
        verify(requests).teamQueue(new TeamFilter("SUBMITTED", null, "es-2001", true, 0, 20));
    }

    @Test
    void thePagerLinksCarryOnlyTheFiltersThatAreSet() throws Exception {
        when(requests.teamQueue(any()))
                .thenReturn(new TeamPage(List.of(annasRequest("REQ-21", "SUBMITTED")), 1, 20, 60, 3));

        mvc.perform(get("/team/requests?status=SUBMITTED&type=&eServiceId=es 2001&page=1")
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "href=\"/team/requests?status=SUBMITTED&amp;eServiceId=es%202001&amp;page=0\"")))
                .andExpect(content()
                        .string(containsString(
                                "href=\"/team/requests?status=SUBMITTED&amp;eServiceId=es%202001&amp;page=2\"")))
                .andExpect(content().string(not(containsString("type&amp;"))))
                .andExpect(content().string(not(containsString("overdue" + "&amp;"))));

        mvc.perform(get("/team/requests?page=1").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/team/requests?page=2\"")));
    }

    @Test
    void aFilterTheServiceRefusesIsShownNextToItsInput() throws Exception {
        when(requests.teamQueue(any())).thenThrow(invalid("request", "eServiceId", "is too long"));

        mvc.perform(get("/team/requests?eServiceId=x").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("id=\"eServiceId-error\"")));
    }

    @Test
    void theQueueAndTheDeskAreTheCentralTeamsOnly() throws Exception {
        for (String role : List.of("ESERVICE_ADMINISTRATOR", "REFERENCE_GROUP", "ARCHIVIST", "CASE_HANDLER")) {
            mvc.perform(get("/team/requests").with(as("someone", role)))
                    .andExpect(status().isForbidden())
                    .andExpect(forwardedUrl("/forbidden"));
            mvc.perform(post("/team/requests/REQ-1/rejection")
                            .param("reason", "no")
                            .with(csrf())
                            .with(as("someone", role)))
                    .andExpect(status().isForbidden());
        }
        verify(requests, never()).reject(anyString(), anyString());
    }

    @Test
    void rejectingWithoutTheFormsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/team/requests/REQ-1/rejection")
                        .param("reason", "Dubblett")
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isForbidden());
        verify(requests, never()).reject(anyString(), anyString());
    }

    @Test
    void rejectingWithAReasonRedirectsToTheRequestWithANotice() throws Exception {
        mvc.perform(post("/team/requests/REQ-1/rejection")
                        .param("reason", "Dubblett av REQ-0")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(redirectedUrl("/team/requests/REQ-1"))
                .andExpect(flash().attribute("notice", "team.request.rejected"));
        verify(requests).reject("REQ-1", "Dubblett av REQ-0");
    }

    @Test
    void aRejectionWithoutReasonShowsTheServicesErrorNextToTheReason() throws Exception {
        when(requests.request("REQ-1")).thenReturn(annasRequest("REQ-1", "SUBMITTED"));
        doThrow(invalid("request", "reason", "is required")).when(requests).reject("REQ-1", "");

        mvc.perform(post("/team/requests/REQ-1/rejection")
                        .param("reason", "")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("href=\"#reason\"")))
                .andExpect(content().string(containsString("id=\"reason-error\"")))
                .andExpect(content().string(containsString("aria-describedby=\"reason-hint reason-error\"")))
                .andExpect(content().string(containsString("is required")));
    }

    @Test
    void assigningAnEndedRequestShowsTheConflictAtTheTopNotAnErrorPage() throws Exception {
        when(requests.request("REQ-1")).thenReturn(annasRequest("REQ-1", "COMPLETED"));
        doThrow(new se.municipality.eops.portal.services.ServiceProblem(
                        "request",
                        409,
                        "Conflict",
                        "status: REQ-1 is completed",
                        null,
                        List.of(new se.municipality.eops.portal.services.ServiceProblem.FieldProblem(
                                "status", "REQ-1 is completed"))))
                .when(requests)
                .assign("REQ-1", "cecilia");

        mvc.perform(post("/team/requests/REQ-1/assignment")
                        .param("assignee", " cecilia ")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("status: REQ-1 is completed")))
                // An ended request offers no assignment or rejection any more, only a comment.
                .andExpect(content().string(not(containsString("id=\"assign\""))))
                .andExpect(content().string(containsString("id=\"comment\"")));
    }

    @Test
    void theDeskShowsTheRequestItsTimelineAndTheThreeForms() throws Exception {
        when(requests.request("REQ-1")).thenReturn(annasRequest("REQ-1", "SUBMITTED"));

        mvc.perform(get("/team/requests/REQ-1").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"status\"")))
                .andExpect(content().string(containsString("Parkeringstillstånd")))
                .andExpect(content().string(containsString("id=\"reject\"")))
                .andExpect(content().string(containsString("id=\"assign\"")))
                .andExpect(content().string(containsString("id=\"comment\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }
}
