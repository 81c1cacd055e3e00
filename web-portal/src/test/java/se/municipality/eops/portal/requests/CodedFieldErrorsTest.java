package se.municipality.eops.portal.requests;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.municipality.eops.portal.PortalMvcTest;

/**
 * A step's field error that request-service names by a code is shown in the person's language from the bundles
 * ({@code field.error.<code>}, its params filled in), next to the input and in the summary; an error without a
 * code, or with a code the bundles do not know, in the service's words.
 */
class CodedFieldErrorsTest extends PortalMvcTest {

    private static final String TOO_LONG = """
            {"title":"Invalid request","status":400,"step":"eservice","detail":"Step eservice is not complete.",
             "errors":[{"field":"publication.eServiceName","message":"may be at most 200 characters",
                        "code":"too-long","params":{"max":200}}]}
            """;

    @Test
    void aCodedErrorIsShownInSwedishWithItsParams() throws Exception {
        refuseTheStepWith(TOO_LONG);

        mvc.perform(saveTheStep())
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"publication.eServiceName-error\"")))
                .andExpect(content().string(containsString("<span>Får vara högst 200 tecken.</span>")))
                .andExpect(content().string(containsString(">Får vara högst 200 tecken.</a>")))
                .andExpect(content().string(not(containsString("may be at most 200 characters"))));
    }

    @Test
    void aCodedErrorIsShownInEnglishWithLangEn() throws Exception {
        refuseTheStepWith(TOO_LONG);

        mvc.perform(saveTheStep().param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span>May be at most 200 characters.</span>")))
                .andExpect(content().string(not(containsString("Får vara högst"))));
    }

    @Test
    void anErrorWithoutACodeIsShownAsTheServiceWroteIt() throws Exception {
        refuseTheStepWith("""
                {"title":"Invalid request","status":400,"step":"eservice",
                 "errors":[{"field":"publication.eServiceName","message":"is taken by another e-service"}]}
                """);

        mvc.perform(saveTheStep())
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span>is taken by another e-service</span>")));
    }

    @Test
    void anErrorWithACodeTheBundlesDoNotKnowIsShownAsTheServiceWroteIt() throws Exception {
        refuseTheStepWith("""
                {"title":"Invalid request","status":400,"step":"eservice",
                 "errors":[{"field":"publication.eServiceName","message":"rhymes with orange","code":"rhymes"}]}
                """);

        mvc.perform(saveTheStep())
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span>rhymes with orange</span>")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void aSubmitRefusedWithACodedErrorShowsItInSwedishBesideTheSummarysEntry() throws Exception {
        SERVICES.answer("GET", "/api/request-types", 200, RequestServiceAnswers.TYPES);
        SERVICES.answer("GET", "/api/drafts/DRF-2", 200, RequestServiceAnswers.draft("DRF-2", "{}", null));
        SERVICES.answer("GET", "/api/checklist", 200, RequestServiceAnswers.CHECKLIST);
        SERVICES.answerProblem("POST", "/api/drafts/DRF-2/submit", 400, TOO_LONG);

        mvc.perform(post("/drafts/DRF-2/submit")
                        .with(as("anna", "ESERVICE_ADMINISTRATOR"))
                        .with(csrf())
                        .param("idempotencyKey", "key-summary-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("<dd id=\"publication.eServiceName\">")))
                .andExpect(content().string(containsString("id=\"publication.eServiceName-error\"")))
                .andExpect(content().string(containsString(">Får vara högst 200 tecken.</a>")))
                .andExpect(content().string(not(containsString("may be at most 200 characters"))));
    }

    private static void refuseTheStepWith(String problem) {
        SERVICES.answer("GET", "/api/request-types", 200, RequestServiceAnswers.TYPES);
        SERVICES.answer("GET", "/api/drafts/DRF-1", 200, RequestServiceAnswers.draft("DRF-1", "{}", null));
        SERVICES.answerProblem("PUT", "/api/drafts/DRF-1/steps/eservice", 400, problem);
    }

    private static MockHttpServletRequestBuilder saveTheStep() {
        return post("/drafts/DRF-1/steps/1")
                .with(as("anna", "ESERVICE_ADMINISTRATOR"))
                .with(csrf())
                .param("action", "next")
                .param("publication.kind", "NEW_ESERVICE")
                .param("publication.eServiceId", "es-2003")
                .param("publication.eServiceName", "x".repeat(201));
    }
}
