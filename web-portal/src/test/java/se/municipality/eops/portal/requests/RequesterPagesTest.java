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

    @Test
    void myRequestsPageShowsWhatIAskedForInTheChosenLanguage() throws Exception {
        SERVICES.answer("GET", "/api/requests/REQ-5", 200, """
                {"id":"REQ-5","type":"PUBLICATION","status":"WAITING_FOR_REVIEW",
                 "publication":{"kind":"NEW_ESERVICE","eServiceId":"es-3001","eServiceName":"Båtplats",
                   "versionLabel":"1.0","committee":"Tekniska nämnden","orderer":"Hamnenheten",
                   "checklist":[{"item":"Tillgänglighetsgranskad","done":true,"itemId":"accessibility"},
                                {"item":"Kontaktuppgifter","done":false}],
                   "message":"Vi vill publicera före jul."},
                 "submittedAt":"2026-12-07T09:00:00Z","statusSince":"2026-12-07T09:00:00Z","overdue":false,
                 "timeline":[{"sequence":1,"at":"2026-12-07T09:00:00Z","kind":"STATUS_CHANGED","status":"SUBMITTED"}]}
                """);

        mvc.perform(get("/requests/REQ-5").with(as("anna", "ESERVICE_ADMINISTRATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(containsString("id=\"request-content\"")))
                .andExpect(content().string(containsString("<dd id=\"content-kind\">Ny e-tjänst</dd>")))
                .andExpect(content().string(containsString("<dd id=\"content-eservice\">Båtplats (es-3001)</dd>")))
                .andExpect(content().string(containsString("<dd id=\"content-version\">1.0</dd>")))
                .andExpect(content().string(containsString("<dd id=\"content-committee\">Tekniska nämnden</dd>")))
                .andExpect(content().string(containsString("<dd id=\"content-orderer\">Hamnenheten</dd>")))
                .andExpect(content().string(containsString("<li>Tillgänglighetsgranskad: klar</li>")))
                .andExpect(content()
                        .string(containsString("<dd id=\"content-message\">Vi vill publicera före jul.</dd>")));

        mvc.perform(get("/requests/REQ-5").param("lang", "en").with(as("anna", "ESERVICE_ADMINISTRATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("What is asked for")))
                .andExpect(content().string(containsString("<dd id=\"content-kind\">A new e-service</dd>")))
                .andExpect(content().string(containsString("<li>Kontaktuppgifter: not done</li>")));
    }

    @Test
    void enterInAStepWithAListGoesToTheNextStepNotAddARow() throws Exception {
        SERVICES.answer("GET", "/api/request-types", 200, """
                [{"type":"PERMISSION","label":{"sv":"Behörighet","en":"Permission"},"steps":[
                  {"id":"who","label":{"sv":"Vem","en":"Who"},"rules":[],"fields":[
                    {"name":"permission.group","label":{"sv":"Grupp","en":"Group"},"type":"OBJECT","required":false,"fields":[
                      {"name":"name","label":{"sv":"Gruppens namn","en":"Group name"},"type":"TEXT","required":true},
                      {"name":"members","label":{"sv":"Medlemmar","en":"Members"},"type":"LIST","required":true,"fields":[
                        {"name":"userId","label":{"sv":"Användar-id","en":"User id"},"type":"ID","required":true}]}]}]},
                  {"id":"message","label":{"sv":"Meddelande","en":"Message"},"rules":[],"fields":[
                    {"name":"permission.message","label":{"sv":"Meddelande","en":"Message"},"type":"MESSAGE","required":false}]}]}]
                """);
        SERVICES.answer("GET", "/api/drafts/DRF-7", 200, """
                {"id":"DRF-7","type":"PERMISSION","permission":{"group":{"name":"Gatuenheten","members":[{"userId":"nils"}]}},
                 "steps":[],"checksPending":[],"updatedAt":"2026-12-07T09:00:00Z","expiresAt":"2026-12-21T09:00:00Z"}
                """);

        String page = mvc.perform(get("/drafts/DRF-7/steps/1").with(as("anna", "ESERVICE_ADMINISTRATOR")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        // A browser submits a form on Enter with its first submit button (HTML's implicit submission).
        String form = page.substring(page.indexOf("<form action=\"/drafts/DRF-7/steps/1\""));
        int firstSubmit = form.indexOf("type=\"submit\"");
        String firstButton = form.substring(form.lastIndexOf("<button", firstSubmit), form.indexOf(">", firstSubmit));
        assertThat(firstButton).contains("name=\"action\"").contains("value=\"next\"");
        assertThat(form).contains("value=\"add-row\"");
    }

    @Test
    void aCommentTheServiceDidNotTakeSaysItMayHaveBeenSavedNotThatNothingIsLost() throws Exception {
        SERVICES.answerProblem(
                "POST", "/api/requests/REQ-1/comments", 503, "{\"title\":\"Service Unavailable\",\"status\":503}");

        mvc.perform(post("/requests/REQ-1/comments")
                        .with(as("anna", "ESERVICE_ADMINISTRATOR"))
                        .with(csrf())
                        .header("Referer", "http://localhost/requests/REQ-1")
                        .param("comment", "Hej"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("kan ha genomförts eller inte")))
                .andExpect(content().string(not(containsString("Inget av det du gjort har gått förlorat"))))
                // "Try again" leads to the page the form was on, not to the form's POST address.
                .andExpect(content().string(containsString("href=\"/requests/REQ-1\">Försök igen")));
    }

    @Test
    void aCommentInTheTimelineShowsItsTextButNotItsId() throws Exception {
        SERVICES.answer("GET", "/api/requests/REQ-6", 200, """
                {"id":"REQ-6","type":"PUBLICATION","status":"IN_PROGRESS","publication":{"eServiceName":"Båtplats"},
                 "submittedAt":"2026-12-07T09:00:00Z","statusSince":"2026-12-07T09:00:00Z","overdue":false,
                 "timeline":[{"sequence":1,"at":"2026-12-07T09:00:00Z","kind":"STATUS_CHANGED","status":"SUBMITTED"},
                             {"sequence":2,"at":"2026-12-07T10:00:00Z","kind":"COMMENTED","status":"IN_PROGRESS",
                              "actor":"cecilia","reason":"Vi tittar på det i morgon.","note":"c-6"},
                             {"sequence":3,"at":"2026-12-07T11:00:00Z","kind":"ASSIGNED","status":"IN_PROGRESS",
                              "actor":"cecilia","note":"cecilia"}]}
                """);

        mvc.perform(get("/requests/REQ-6").with(as("anna", "ESERVICE_ADMINISTRATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("– Vi tittar på det i morgon.")))
                .andExpect(content().string(not(containsString("c-6"))))
                // Another kind's note is for people (to whom it was assigned).
                .andExpect(content().string(containsString("<span>– cecilia</span>")));
    }

    @Test
    void theLivePartsOfTheRequestsPageIncludeTheRejectionReasonNotOnlyTheTimeline() throws Exception {
        SERVICES.answer("GET", "/api/requests/REQ-8", 200, """
                {"id":"REQ-8","type":"PUBLICATION","status":"REJECTED","publication":{"eServiceName":"Båtplats"},
                 "submittedAt":"2026-12-07T09:00:00Z","statusSince":"2026-12-07T10:00:00Z","overdue":false,
                 "rejection":{"reasonCode":"REJECTED_BY_TEAM","reason":"Saknar kontaktuppgifter","rejectedBy":"cecilia",
                              "blockedByChecklist":false},
                 "timeline":[{"sequence":1,"at":"2026-12-07T09:00:00Z","kind":"STATUS_CHANGED","status":"SUBMITTED"},
                             {"sequence":2,"at":"2026-12-07T10:00:00Z","kind":"STATUS_CHANGED","status":"REJECTED",
                              "actor":"cecilia","reason":"Saknar kontaktuppgifter"}]}
                """);

        mvc.perform(get("/requests/REQ-8/timeline").with(as("anna", "ESERVICE_ADMINISTRATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"timeline\"")))
                .andExpect(content().string(containsString("data-sequence=\"2\"")))
                .andExpect(content().string(containsString("id=\"outcome\"")))
                .andExpect(content().string(containsString("<dd id=\"rejection\">Saknar kontaktuppgifter</dd>")));
    }
}
