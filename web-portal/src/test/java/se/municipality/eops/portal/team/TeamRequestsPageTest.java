package se.municipality.eops.portal.team;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
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

    @Test
    void theDeskShowsWhatAPermissionRequestAsksForItsGroupAndItsEnd() throws Exception {
        Request request = new Request(
                "REQ-9",
                "PERMISSION",
                "SUBMITTED",
                new RequestServiceClient.Requester(
                        "anna", "Anna Andersson", "anna.andersson@kommun.example", "ESERVICE_ADMINISTRATOR"),
                null,
                null,
                JsonMapper.shared().readTree("""
                        {"change":"GRANT","role":"CASE_HANDLER","eServiceId":"es-1001","eServiceName":"Felanmälan",
                         "group":{"name":"Gatuenheten","members":[
                           {"userId":"nils","name":"Nils Nord","email":"nils.nord@kommun.example"},
                           {"userId":"tove","name":"Tove Ek","email":"tove.ek@kommun.example"}]},
                         "message":"Gatuenheten tar över felanmälningarna.",
                         "validUntil":"2027-01-01T11:00:00Z"}"""),
                Instant.parse("2026-12-07T09:00:00Z"),
                List.of(),
                Instant.parse("2026-12-07T09:00:00Z"),
                null,
                false,
                null,
                null,
                null);
        when(requests.request("REQ-9")).thenReturn(request);

        mvc.perform(get("/team/requests/REQ-9").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("<dd id=\"content-change\">Ge behörighet</dd>")))
                .andExpect(content().string(containsString("<dd id=\"content-role\">Handläggare</dd>")))
                .andExpect(content().string(containsString("<dd id=\"content-eservice\">Felanmälan (es-1001)</dd>")))
                .andExpect(content().string(containsString("<dd id=\"content-group\">Gatuenheten</dd>")))
                .andExpect(content().string(containsString("<li>Nils Nord (nils), nils.nord@kommun.example</li>")))
                .andExpect(content().string(containsString("<li>Tove Ek (tove), tove.ek@kommun.example</li>")))
                // 12:00 in Stockholm
                .andExpect(content().string(containsString("12:00")))
                .andExpect(content().string(containsString("Gatuenheten tar över felanmälningarna.")));

        mvc.perform(get("/team/requests/REQ-9").param("lang", "en").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(content().string(containsString("<dd id=\"content-change\">Grant permission</dd>")))
                .andExpect(content().string(containsString("The permission ends")));
    }

    @Test
    void theDeskShowsWhatAPurgeRequestAsksForWithThePersonOfAPermissionAlike() throws Exception {
        Request purgeRequest = new Request(
                "REQ-10",
                "PURGE",
                "SUBMITTED",
                null,
                null,
                JsonMapper.shared().readTree("""
                        {"kind":"RETENTION","eServiceId":"es-1001","eServiceName":"Felanmälan",
                         "committee":"Tekniska nämnden","purgeDecisionReference":"TN 2026/14"}"""),
                null,
                Instant.parse("2026-12-07T09:00:00Z"),
                List.of(),
                Instant.parse("2026-12-07T09:00:00Z"),
                null,
                false,
                null,
                null,
                null);
        when(requests.request("REQ-10")).thenReturn(purgeRequest);

        mvc.perform(get("/team/requests/REQ-10").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content()
                        .string(containsString("<dd id=\"content-kind\">Gallring enligt gallringsbeslut</dd>")))
                .andExpect(content().string(containsString("<dd id=\"content-committee\">Tekniska nämnden</dd>")))
                .andExpect(content().string(containsString("<dd id=\"content-decision\">TN 2026/14</dd>")));
    }

    @Test
    void aPageNumberThatIsNoneIsTheFirstPageNotAnError() throws Exception {
        when(requests.teamQueue(any()))
                .thenReturn(new TeamPage(List.of(annasRequest("REQ-1", "SUBMITTED")), 0, 20, 1, 1));

        mvc.perform(get("/team/requests?page=abc").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("REQ-1")));
        mvc.perform(get("/team/requests?page=abc")
                        .accept(org.springframework.http.MediaType.APPLICATION_JSON)
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("\"status\":400"))));
        verify(requests, org.mockito.Mockito.atLeastOnce()).teamQueue(new TeamFilter(null, null, null, null, 0, 20));

        // The other paged list of the team's desk reads its page number the same way.
        when(permissions.trainings(0, 20))
                .thenReturn(new se.municipality.eops.portal.services.PermissionServiceClient.TrainingsPage(
                        List.of(), 0, 20, 0));
        mvc.perform(get("/team/trainings?page=abc").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk());
        verify(permissions).trainings(0, 20);
    }

    @Test
    void aPagePastTheEndIsTheLastPageWithItsOwnPreviousLink() throws Exception {
        when(requests.teamQueue(argThat(filter -> filter != null && filter.page() == 999)))
                .thenReturn(new TeamPage(List.of(), 999, 20, 41, 3));
        when(requests.teamQueue(argThat(filter -> filter != null && filter.page() == 2)))
                .thenReturn(new TeamPage(List.of(annasRequest("REQ-41", "SUBMITTED")), 2, 20, 41, 3));

        mvc.perform(get("/team/requests?page=999&status=SUBMITTED").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("REQ-41")))
                .andExpect(content().string(containsString("/team/requests?status=SUBMITTED&amp;page=1")))
                .andExpect(content().string(not(containsString("page=998"))));
    }
}
