package se.municipality.eops.portal.archive;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.function.ThrowingSupplier;
import se.municipality.eops.portal.DeskPageTest;
import se.municipality.eops.portal.PurgeMother;
import se.municipality.eops.portal.services.PurgeServiceClient;
import se.municipality.eops.portal.services.PurgeServiceClient.Purge;

class ArchivePageTest extends DeskPageTest {

    @Test
    void anotherArchivistsPlanShowsItsPreviewAndTheApproveButton() throws Exception {
        when(purge.purge("plan-1")).thenReturn(PurgeMother.planMadeBy("plan-1", "astrid"));

        mvc.perform(get("/purges/plan-1").with(as("arvid", "ARCHIVIST")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("id=\"due-count\">42<")))
                .andExpect(content().string(containsString("legal hold on the case: tillsyn")))
                .andExpect(content().string(containsString("id=\"approve\"")));
    }

    @Test
    void myOwnPlanShowsNoApproveButton() throws Exception {
        when(purge.purge("plan-1")).thenReturn(PurgeMother.planMadeBy("plan-1", "arvid"));

        mvc.perform(get("/purges/plan-1").with(as("arvid", "ARCHIVIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"own-plan\"")))
                .andExpect(content().string(not(containsString("id=\"approve\""))));
    }

    @Test
    void approvingMyOwnPlanAnywayShowsTheServicesRefusalAsAMessage() throws Exception {
        when(purge.purge("plan-1")).thenReturn(PurgeMother.planMadeBy("plan-1", "arvid"));
        when(purge.approve("plan-1")).thenThrow(refused("purge", 403, "the creator may not approve"));

        mvc.perform(post("/purges/plan-1/approval").with(csrf()).with(as("arvid", "ARCHIVIST")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("en annan arkivarie än den som gjorde den")));
    }

    @Test
    void approvingAPlanNoLongerWaitingShowsTheConflictAsAMessage() throws Exception {
        when(purge.purge("plan-1")).thenReturn(PurgeMother.planMadeBy("plan-1", "astrid"));
        when(purge.approve("plan-1")).thenThrow(refused("purge", 409, "already approved"));

        mvc.perform(post("/purges/plan-1/approval").with(csrf()).with(as("arvid", "ARCHIVIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("redan godkänd eller har gått ut")));
    }

    @Test
    void approvingAnotherArchivistsPlanRedirectsToIt() throws Exception {
        mvc.perform(post("/purges/plan-1/approval").with(csrf()).with(as("arvid", "ARCHIVIST")))
                .andExpect(redirectedUrl("/purges/plan-1"));
        verify(purge).approve("plan-1");
    }

    @Test
    void approvalNeedsTheCsrfTokenAndTheArchivistRole() throws Exception {
        mvc.perform(post("/purges/plan-1/approval").with(as("arvid", "ARCHIVIST")))
                .andExpect(status().isForbidden());
        for (String role : List.of("CENTRAL_TEAM", "REFERENCE_GROUP", "ESERVICE_ADMINISTRATOR")) {
            mvc.perform(post("/purges/plan-1/approval").with(csrf()).with(as("someone", role)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/purge-log").with(as("someone", role)))
                    .andExpect(status().isForbidden())
                    .andExpect(forwardedUrl("/forbidden"));
        }
        verify(purge, never()).approve(anyString());
    }

    @Test
    void aPlanForAnUnknownRuleIsAnErrorAtTheRuleInput() throws Exception {
        when(purge.purges()).thenReturn(List.of(PurgeMother.planMadeBy("plan-1", "astrid")));
        when(purge.planRule("rule-x")).thenThrow(refused("purge", 404, "no rule rule-x"));

        mvc.perform(post("/purges/plans").param("ruleId", "rule-x").with(csrf()).with(as("arvid", "ARCHIVIST")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("id=\"ruleId-error\"")))
                .andExpect(content().string(containsString("href=\"/purges/plan-1\"")));
    }

    @Test
    void aPlanMadeFromARuleOpensItsPage() throws Exception {
        when(purge.planRule("rule-es-1001-felanmalan")).thenReturn(PurgeMother.planMadeBy("plan-2", "arvid"));

        mvc.perform(post("/purges/plans")
                        .param("ruleId", " rule-es-1001-felanmalan ")
                        .with(csrf())
                        .with(as("arvid", "ARCHIVIST")))
                .andExpect(redirectedUrl("/purges/plan-2"));
    }

    @Test
    void thePurgeLogLinksItsCsvExportWhichStreamsTheServicesCsv() throws Exception {
        when(purge.purgeLog()).thenReturn(List.of());
        mvc.perform(get("/purge-log").with(as("arvid", "ARCHIVIST")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("id=\"export-csv\" href=\"/purge-log/export.csv\"")));

        doAnswer(call -> {
                    ThrowingSupplier<OutputStream> target = call.getArgument(0);
                    target.get().write("purgeId,reason\r\npurge-1,TEST_CASES\r\n".getBytes(StandardCharsets.UTF_8));
                    return null;
                })
                .when(purge)
                .exportPurgeLog(any());
        mvc.perform(get("/purge-log/export.csv").with(as("arvid", "ARCHIVIST")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string("purgeId,reason\r\npurge-1,TEST_CASES\r\n"));
    }

    @Test
    void aRefusedExportIsAPageNotADownload() throws Exception {
        doThrow(refused("purge", 403, "no")).when(purge).exportPurgeLog(any());

        mvc.perform(get("/purge-log/export.csv").with(as("arvid", "ARCHIVIST")))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Content-Disposition"));
    }

    @Test
    void aPlanWithNoDueCasesShowsADashForTheOldestAndNewestNotAnEmptyTime() throws Exception {
        Purge planned = PurgeMother.planMadeBy("plan-0", "astrid");
        Purge empty = new Purge(
                planned.purgeId(),
                planned.reason(),
                planned.status(),
                planned.eServiceId(),
                planned.requestId(),
                planned.reviewId(),
                planned.rule(),
                new PurgeServiceClient.Preview(
                        "rule-es-1001-felanmalan",
                        0,
                        null,
                        null,
                        List.of(),
                        planned.preview().cutoff()),
                planned.createdBy(),
                planned.createdAt(),
                planned.expiresAt(),
                null,
                null,
                null,
                null,
                0,
                0,
                0,
                null,
                List.of());
        when(purge.purge("plan-0")).thenReturn(empty);

        mvc.perform(get("/purges/plan-0").with(as("arvid", "ARCHIVIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"due-count\">0<")))
                .andExpect(content().string(containsString("<dd id=\"preview-oldestDue\">–</dd>")))
                .andExpect(content().string(containsString("<dd id=\"preview-newestDue\">–</dd>")))
                .andExpect(content().string(not(containsString("<time></time>"))));
    }
}
