package se.municipality.eops.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import se.municipality.eops.portal.PortalMvcTest;

class RequesterPagesTest extends PortalMvcTest {

    private static final String EMPTY_PUBLICATION = "{}";

    @Test
    void aStepTheServiceRefusesShowsEachErrorNextToItsFieldAndInTheSummary() throws Exception {
        SERVICES.answer("GET", "/api/request-types", 200, RequestServiceAnswers.TYPES);
        SERVICES.answer("GET", "/api/drafts/DRF-1", 200, RequestServiceAnswers.draft("DRF-1", EMPTY_PUBLICATION, null));
        SERVICES.answerProblem("PUT", "/api/drafts/DRF-1/steps/eservice", 400, """
                {"title":"Invalid request","status":400,"step":"eservice","detail":"Step eservice is not complete.",
                 "errors":[{"field":"publication.eServiceName","message":"is required"}]}
                """);

        mvc.perform(post("/drafts/DRF-1/steps/1")
                        .with(as("anna", "ESERVICE_ADMINISTRATOR"))
                        .with(csrf())
                        .param("action", "next")
                        .param("publication.kind", "NEW_ESERVICE")
                        .param("publication.eServiceId", " es-2003 ")
                        .param("publication.eServiceName", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("href=\"#publication.eServiceName\"")))
                .andExpect(content().string(containsString("id=\"publication.eServiceName-error\"")))
                .andExpect(content().string(containsString("aria-describedby=\"publication.eServiceName-error\"")))
                .andExpect(content().string(containsString("is required")))
                // what the person typed is still there
                .andExpect(content().string(containsString("value=\" es-2003 \"")));

        var saved = SERVICES.calls("PUT", "/api/drafts/DRF-1/steps/eservice");
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).authorization()).isEqualTo("Bearer " + ACCESS_TOKEN);
        assertThat(saved.get(0).body())
                .isEqualTo("{\"publication\":{\"kind\":\"NEW_ESERVICE\",\"eServiceId\":\"es-2003\"}}");
    }

    @Test
    void aValidStepIsSavedAndNextLeadsToTheFollowingStep() throws Exception {
        SERVICES.answer("GET", "/api/request-types", 200, RequestServiceAnswers.TYPES);
        SERVICES.answer("GET", "/api/drafts/DRF-1", 200, RequestServiceAnswers.draft("DRF-1", EMPTY_PUBLICATION, null));
        SERVICES.answer(
                "PUT", "/api/drafts/DRF-1/steps/eservice", 200, RequestServiceAnswers.draft("DRF-1", "{}", null));

        mvc.perform(post("/drafts/DRF-1/steps/1")
                        .with(as("anna", "ESERVICE_ADMINISTRATOR"))
                        .with(csrf())
                        .param("action", "next")
                        .param("publication.kind", "NEW_ESERVICE")
                        .param("publication.eServiceId", "es-2003")
                        .param("publication.eServiceName", "Ansökan om torgplats"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/drafts/DRF-1/steps/2"));
    }

    @Test
    void aStepShowsWhatTheDraftHoldsSoAReloadKeepsIt() throws Exception {
        SERVICES.answer("GET", "/api/request-types", 200, RequestServiceAnswers.TYPES);
        SERVICES.answer("GET", "/api/checklist", 200, RequestServiceAnswers.CHECKLIST);
        SERVICES.answer("GET", "/api/drafts/DRF-1", 200, RequestServiceAnswers.draft("DRF-1", """
                {"kind":"NEW_ESERVICE","eServiceId":"es-2003","eServiceName":"Ansökan om torgplats",
                 "checklist":[{"itemId":"accessibility","item":"Tillgänglighetsgranskad","done":true}]}""", null));

        mvc.perform(get("/drafts/DRF-1/steps/1").with(as("anna", "ESERVICE_ADMINISTRATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Ansökan om torgplats\"")))
                .andExpect(content().string(containsString("id=\"next\"")))
                .andExpect(content().string(not(containsString("id=\"previous\""))));
        mvc.perform(get("/drafts/DRF-1/steps/2").with(as("anna", "ESERVICE_ADMINISTRATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"previous\"")))
                .andExpect(content()
                        .string(containsString(
                                "id=\"publication.checklist.accessibility\" value=\"true\" checked=\"checked\"")))
                .andExpect(content().string(containsString("id=\"publication.checklist.handlers\" value=\"true\">")));
    }

    @Test
    void submittingTwiceWithTheSameKeyFilesTheRequestOnce() throws Exception {
        SERVICES.answer("GET", "/api/request-types", 200, RequestServiceAnswers.TYPES);
        SERVICES.answer("GET", "/api/drafts/DRF-1", 200, RequestServiceAnswers.draft("DRF-1", EMPTY_PUBLICATION, null));
        SERVICES.answer("POST", "/api/drafts/DRF-1/submit", 201, """
                {"draftId":"DRF-1","requestId":"REQ-9","status":"SUBMITTED"}""");
        MockHttpSession session = new MockHttpSession();

        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/drafts/DRF-1/submit")
                            .session(session)
                            .with(as("anna", "ESERVICE_ADMINISTRATOR"))
                            .with(csrf())
                            .param("idempotencyKey", "6f1c2a9e-key"))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/requests/REQ-9"));
        }
        assertThat(SERVICES.calls("POST", "/api/drafts/DRF-1/submit")).hasSize(1);
    }

    @Test
    void aDraftSubmittedBeforeLeadsToItsRequest() throws Exception {
        SERVICES.answer("GET", "/api/request-types", 200, RequestServiceAnswers.TYPES);
        SERVICES.answer(
                "GET", "/api/drafts/DRF-1", 200, RequestServiceAnswers.draft("DRF-1", EMPTY_PUBLICATION, "REQ-9"));

        mvc.perform(get("/drafts/DRF-1/steps/1").with(as("anna", "ESERVICE_ADMINISTRATOR")))
                .andExpect(redirectedUrl("/requests/REQ-9"));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/requests/REQ-1/comments")
                        .with(as("anna", "ESERVICE_ADMINISTRATOR"))
                        .param("comment", "Hej"))
                .andExpect(status().isForbidden());
        assertThat(SERVICES.calls("POST", "/api/requests/REQ-1/comments")).isEmpty();
    }

    @Test
    void aCommentOnAnEndedRequestShowsTheServicesRefusalOnThePage() throws Exception {
        SERVICES.answer("GET", "/api/requests/REQ-1", 200, RequestServiceAnswers.request("REQ-1", "COMPLETED"));
        SERVICES.answerProblem("POST", "/api/requests/REQ-1/comments", 400, """
                {"title":"Invalid request","status":400,"errors":[{"field":"text","message":"is longer than 4000 characters"}]}""");

        mvc.perform(post("/requests/REQ-1/comments")
                        .with(as("anna", "ESERVICE_ADMINISTRATOR"))
                        .with(csrf())
                        .param("comment", "Hej"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"comment-error\"")))
                .andExpect(content().string(containsString("is longer than 4000 characters")));
    }

    @Test
    void aServiceThatFailsGivesTheFriendlyPageNotA500() throws Exception {
        SERVICES.answerProblem("GET", "/api/requests", 503, "{\"title\":\"Service Unavailable\",\"status\":503}");

        mvc.perform(get("/requests").with(as("anna", "ESERVICE_ADMINISTRATOR")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Begäranstjänsten svarar inte just nu.")));
    }

    @Test
    void myRequestsListsThemWithTheirStatusInTheChosenLanguage() throws Exception {
        SERVICES.answer(
                "GET", "/api/requests", 200, "[" + RequestServiceAnswers.request("REQ-1", "WAITING_FOR_REVIEW") + "]");

        mvc.perform(get("/requests").with(as("anna", "ESERVICE_ADMINISTRATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Väntar på granskning")))
                .andExpect(content().string(containsString("href=\"/requests/REQ-1\"")));
        mvc.perform(get("/requests").param("lang", "en").with(as("anna", "ESERVICE_ADMINISTRATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Waiting for review")))
                // 10:00 in Stockholm (UTC+1 in December)
                .andExpect(content().string(containsString("10:00")));
    }

    @Test
    void theRequestsLiveEventsAreRelayedInThePersonsLanguageWithTheTokenUpstream() throws Exception {
        SERVICES.answerStream("GET", "/api/requests/REQ-1/events", """
                :heartbeat

                id:2
                event:status
                retry:3000
                data:{"requestId":"REQ-1","sequence":2,"fromStatus":"SUBMITTED","status":"WAITING_FOR_REVIEW","occurredAt":"2026-12-07T09:15:30Z","actor":"publication-service"}

                event:RequestCommented
                data:{"requestId":"REQ-1"}

                id:3
                event:status
                data:{"requestId":"REQ-1","sequence":3,"fromStatus":"WAITING_FOR_REVIEW","status":"REJECTED","occurredAt":"2026-12-07T09:20:00Z","actor":"rut"}

                """);

        MvcResult stream = mvc.perform(get("/requests/REQ-1/events")
                        .header("Last-Event-ID", "1")
                        .with(as("anna", "ESERVICE_ADMINISTRATOR")))
                .andExpect(request().asyncStarted())
                .andReturn();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                stream.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                        .contains("event:status")
                        .contains("id:2")
                        .contains("\"statusLabel\":\"Väntar på granskning\"")
                        .contains("\"atText\":\"7 dec. 2026 10:15\"")
                        .contains(
                                "\"status\":\"WAITING_FOR_REVIEW\",\"statusLabel\":\"Väntar på granskning\",\"ended\":false")
                        .contains("event:changed")
                        // a final status says so: the page then drops its withdraw form
                        .contains("\"status\":\"REJECTED\",\"statusLabel\":\"Avslagen\",\"ended\":true"));
        var upstream = SERVICES.calls("GET", "/api/requests/REQ-1/events");
        assertThat(upstream).hasSize(1);
        assertThat(upstream.get(0).authorization()).isEqualTo("Bearer " + ACCESS_TOKEN);
        assertThat(upstream.get(0).headers().get("Last-event-id")).containsExactly("1");
    }

    @Test
    void anAnswerThePortalCannotReadGivesTheUnavailablePageNotA500() throws Exception {
        SERVICES.answer("GET", "/api/requests", 200, "{not json");

        mvc.perform(get("/requests").with(as("anna", "ESERVICE_ADMINISTRATOR")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("<main id=\"main\"")))
                .andExpect(content().string(containsString("En av tjänsterna bakom portalen svarar inte just nu.")));
    }

    @Test
    void theTypePickerStartsADraftOfTheChosenTypeAndRefusesNoChoiceNextToTheField() throws Exception {
        SERVICES.answer("GET", "/api/request-types", 200, RequestServiceAnswers.TYPES);
        SERVICES.answer("POST", "/api/drafts", 201, RequestServiceAnswers.draft("DRF-7", "{}", null));

        mvc.perform(get("/requests/new").with(as("erik", "ESERVICE_AMBASSADOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"type\" value=\"PUBLICATION\"")))
                .andExpect(content().string(containsString(">Publicering</label>")));
        mvc.perform(post("/requests/new")
                        .with(as("erik", "ESERVICE_AMBASSADOR"))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"type-error\"")))
                .andExpect(content().string(containsString("Välj vad begäran gäller")));
        assertThat(SERVICES.calls("POST", "/api/drafts")).isEmpty();

        mvc.perform(post("/requests/new")
                        .with(as("erik", "ESERVICE_AMBASSADOR"))
                        .with(csrf())
                        .param("type", "PUBLICATION"))
                .andExpect(redirectedUrl("/drafts/DRF-7/steps/1"));
        assertThat(SERVICES.calls("POST", "/api/drafts").get(0).body()).isEqualTo("{\"type\":\"PUBLICATION\"}");
    }
}
