package se.municipality.eops.portal.team;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.municipality.eops.portal.DeskPageTest;
import se.municipality.eops.portal.PurgeMother;
import se.municipality.eops.portal.services.PermissionServiceClient;
import se.municipality.eops.portal.services.PublicationServiceClient.ChecklistItem;
import se.municipality.eops.portal.services.PublicationServiceClient.ChecklistVersion;
import se.municipality.eops.portal.services.PurgeServiceClient;
import se.municipality.eops.portal.services.ServiceProblem;
import se.municipality.eops.portal.services.ServiceUnavailable;

/** The central team's other pages: checklist, trainings, retention rules, legal holds, subscribers. */
class TeamToolsPageTest extends DeskPageTest {

    static final Instant MORNING = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void everyTeamPageIsTheCentralTeamsOnly() throws Exception {
        for (String path : List.of(
                "/team/checklist",
                "/team/trainings",
                "/team/retention-rules",
                "/team/legal-holds",
                "/team/subscribers")) {
            mvc.perform(get(path).with(as("arvid", "ARCHIVIST")))
                    .andExpect(status().isForbidden())
                    .andExpect(forwardedUrl("/forbidden"));
        }
    }

    @Test
    void theChecklistIsPublishedWithoutTheEmptyRowsAndARefusedRowIsMarked() throws Exception {
        ChecklistVersion current = new ChecklistVersion(
                1, MORNING, "cecilia", List.of(new ChecklistItem("accessibility", "Tillgänglighetsgranskad", true)));
        when(publication.checklistInForce()).thenReturn(current);
        when(publication.publishChecklist(any(), any()))
                .thenThrow(invalid("publication", "items[1].id", "is used twice"));

        mvc.perform(post("/team/checklist")
                        .param("basedOnVersion", "1")
                        .param("items[0].id", "accessibility")
                        .param("items[0].text", "Tillgänglighetsgranskad")
                        .param("items[0].mandatory", "true")
                        .param("items[1].id", "")
                        .param("items[1].text", "")
                        .param("items[2].id", "accessibility")
                        .param("items[2].text", "Igen")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                // The row the person filled in third is the second item sent: its id input carries the error.
                .andExpect(content().string(containsString("id=\"items-1-id-error\"")))
                .andExpect(content().string(containsString("href=\"#items-1-id\"")))
                .andExpect(content().string(containsString("value=\"Igen\"")));
        verify(publication)
                .publishChecklist(
                        List.of(
                                new ChecklistItem("accessibility", "Tillgänglighetsgranskad", true),
                                new ChecklistItem("accessibility", "Igen", false)),
                        1);
    }

    @Test
    void aPublishedChecklistRedirectsWithItsVersion() throws Exception {
        when(publication.publishChecklist(any(), any()))
                .thenReturn(new ChecklistVersion(2, MORNING, "cecilia", List.of()));

        mvc.perform(post("/team/checklist")
                        .param("items[0].id", "contact")
                        .param("items[0].text", "Kontaktuppgifter")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(redirectedUrl("/team/checklist"))
                .andExpect(flash().attribute("noticeArgument", 2));
    }

    @Test
    void theChecklistFormNamesTheVersionItStartedFrom() throws Exception {
        when(publication.checklistInForce())
                .thenReturn(new ChecklistVersion(
                        4, MORNING, "cecilia", List.of(new ChecklistItem("contact", "Kontaktuppgifter", true))));

        mvc.perform(get("/team/checklist").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"basedOnVersion\" value=\"4\"")));
    }

    @Test
    void aChecklistSomeoneElsePublishedMeanwhileIsShownBesideTheTypedRowsAndASecondPublishIsBasedOnIt()
            throws Exception {
        when(publication.checklistInForce())
                .thenReturn(new ChecklistVersion(
                        5,
                        MORNING,
                        "rut",
                        List.of(
                                new ChecklistItem("contact", "Kontaktuppgifter", true),
                                new ChecklistItem("gdpr", "Personuppgifter bedömda", true))));
        when(publication.publishChecklist(any(), eq(4)))
                .thenThrow(new ServiceProblem(
                        "publication",
                        409,
                        "Conflict",
                        "basedOnVersion: version 5 is in force now",
                        null,
                        List.of(new ServiceProblem.FieldProblem(
                                "basedOnVersion",
                                "version 5 is in force now",
                                "changed-meanwhile",
                                Map.of("currentVersion", "5")))));

        mvc.perform(post("/team/checklist")
                        .param("basedOnVersion", "4")
                        .param("items[0].id", "contact")
                        .param("items[0].text", "Kontaktuppgifter, telefon")
                        .param("items[0].mandatory", "true")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("Någon annan ändrade det under tiden; titta på det igen.")))
                .andExpect(content().string(containsString("id=\"in-force-now\"")))
                .andExpect(content().string(containsString("gdpr: Personuppgifter bedömda (obligatorisk)")))
                .andExpect(content().string(containsString("value=\"Kontaktuppgifter, telefon\"")))
                .andExpect(content().string(containsString("name=\"basedOnVersion\" value=\"5\"")));
        verify(publication)
                .publishChecklist(List.of(new ChecklistItem("contact", "Kontaktuppgifter, telefon", true)), 4);
    }

    @Test
    void aTrainingIsRecordedAndTheServicesPersonFieldsMapToTheFormsInputs() throws Exception {
        when(permissions.recordTraining(any()))
                .thenThrow(invalid("permission", "person.email", "is not an e-mail address"));

        mvc.perform(post("/team/trainings")
                        .param("userId", "erik")
                        .param("name", "Erik Ek")
                        .param("email", "erik")
                        .param("completedOn", "2026-11-27")
                        .param("course", "Grundkurs")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("id=\"email-error\"")))
                .andExpect(content().string(containsString("is not an e-mail address")));
        verify(permissions)
                .recordTraining(new PermissionServiceClient.Training(
                        "erik", "Erik Ek", "erik", LocalDate.parse("2026-11-27"), "Grundkurs"));
    }

    @Test
    void aTrainingTheServiceDidNotAnswerComesBackWithTheTypedValuesAndSaysItMayHaveBeenRecorded() throws Exception {
        when(permissions.recordTraining(any()))
                .thenThrow(new ServiceUnavailable("permission", new java.net.SocketTimeoutException("Read timed out")));
        when(permissions.trainings(0, 20))
                .thenThrow(new ServiceUnavailable("permission", new java.net.SocketTimeoutException("Read timed out")));

        mvc.perform(post("/team/trainings")
                        .param("userId", "erik")
                        .param("name", "Erik Ek")
                        .param("email", "erik.ek@kommun.example")
                        .param("completedOn", "2026-11-27")
                        .param("course", "Grundkurs")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content()
                        .string(containsString(
                                "Tjänsten svarade inte i tid. Det du skickade kan ha genomförts eller inte")))
                .andExpect(content().string(not(containsString("Inget av det du gjort har gått förlorat"))))
                .andExpect(content().string(containsString("value=\"erik.ek@kommun.example\"")))
                .andExpect(content().string(containsString("value=\"Grundkurs\"")));

        mvc.perform(post("/team/trainings")
                        .param("userId", "erik")
                        .param("lang", "en")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "The service did not answer in time. What you sent may or may not have been carried out")));
    }

    @Test
    void theTrainingsOnRecordAreListedUnderTheFormInTheUsersLanguage() throws Exception {
        when(permissions.trainings(0, 20))
                .thenReturn(new PermissionServiceClient.TrainingsPage(
                        List.of(new PermissionServiceClient.RecordedTraining(
                                new PermissionServiceClient.Person("erik", "Erik Ek", "erik.ek@kommun.example"),
                                "E-tjänsteadministratör grundkurs",
                                LocalDate.parse("2026-11-27"),
                                "cecilia",
                                MORNING)),
                        0,
                        20,
                        21));

        mvc.perform(get("/team/trainings").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("id=\"record\"")))
                .andExpect(content().string(containsString("id=\"trainings\"")))
                .andExpect(content().string(containsString("<caption>Registrerade utbildningar")))
                .andExpect(content().string(containsString("Erik Ek (erik)")))
                .andExpect(content().string(containsString("erik.ek@kommun.example")))
                .andExpect(content().string(containsString("<td>E-tjänsteadministratör grundkurs</td>")))
                .andExpect(content().string(containsString("2026-11-27")))
                .andExpect(content().string(containsString("datetime=\"2026-12-07T08:00:00Z\"")))
                .andExpect(content().string(containsString("href=\"/team/trainings?page=1\"")));

        mvc.perform(get("/team/trainings?lang=en").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<caption>Recorded trainings")));
    }

    @Test
    void aTrainingWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/team/trainings").param("userId", "erik").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isForbidden())
                // Logged in but the token is not this session's: the form is out of date, not the wrong role.
                .andExpect(forwardedUrl("/session-ended"));
        verify(permissions, never()).recordTraining(any());
    }

    @Test
    void aRuleChangedByAnotherFirstIsAConflictMessageAndTheVersionsAreListed() throws Exception {
        when(purge.rule("rule-es-1001-felanmalan")).thenReturn(PurgeMother.rule(3, "astrid"));
        when(purge.ruleVersions("rule-es-1001-felanmalan"))
                .thenReturn(List.of(PurgeMother.rule(2, "arvid"), PurgeMother.rule(3, "astrid")));
        when(purge.changeRule(eq("rule-es-1001-felanmalan"), any()))
                .thenThrow(refused("purge", 409, "version 2 is not the current version 3"));

        mvc.perform(post("/team/retention-rules/rule-es-1001-felanmalan")
                        .param("version", "2")
                        .param("committee", "Tekniska nämnden")
                        .param("retentionPeriod", "P3Y")
                        .param("clockStart", "CLOSED")
                        .param("active", "true")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("version 2 is not the current version 3")))
                .andExpect(content().string(containsString("id=\"versions\"")))
                .andExpect(content().string(containsString("value=\"P3Y\"")));
    }

    @Test
    void aConflictOfAKindTheBundlesKnowIsSaidInSwedishInTheSummary() throws Exception {
        when(purge.rule("rule-es-1001-felanmalan")).thenReturn(PurgeMother.rule(3, "astrid"));
        when(purge.ruleVersions("rule-es-1001-felanmalan")).thenReturn(List.of(PurgeMother.rule(3, "astrid")));
        when(purge.changeRule(eq("rule-es-1001-felanmalan"), any()))
                .thenThrow(new ServiceProblem(
                        "purge",
                        409,
                        "Conflict",
                        "version: was changed by someone else meanwhile",
                        null,
                        List.of(new ServiceProblem.FieldProblem(
                                "version", "was changed by someone else meanwhile", "changed-meanwhile", Map.of()))));

        mvc.perform(post("/team/retention-rules/rule-es-1001-felanmalan")
                        .param("version", "3")
                        .param("retentionPeriod", "P3Y")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content()
                        .string(containsString("<span>Någon annan ändrade det under tiden; titta på det igen.</span>")))
                .andExpect(content().string(not(containsString("was changed by someone else meanwhile"))));
    }

    @Test
    void afterAConflictTheStoredValuesAreShownAndTheFormIsBasedOnThemSoASecondSaveGoesThrough() throws Exception {
        PurgeServiceClient.Rule astrids = PurgeMother.rule(3, "astrid");
        when(purge.rule("rule-es-1001-felanmalan")).thenReturn(astrids);
        when(purge.ruleVersions("rule-es-1001-felanmalan")).thenReturn(List.of(PurgeMother.rule(2, "arvid"), astrids));
        when(purge.changeRule(
                        eq("rule-es-1001-felanmalan"),
                        argThat(change -> change != null && Integer.valueOf(2).equals(change.version()))))
                .thenThrow(new ServiceProblem(
                        "purge",
                        409,
                        "Conflict",
                        "version: was changed by someone else meanwhile",
                        null,
                        List.of(new ServiceProblem.FieldProblem(
                                "version", "was changed by someone else meanwhile", "changed-meanwhile", Map.of()))));
        when(purge.changeRule(
                        eq("rule-es-1001-felanmalan"),
                        argThat(change -> change != null && Integer.valueOf(3).equals(change.version()))))
                .thenReturn(PurgeMother.rule(4, "cecilia"));

        mvc.perform(post("/team/retention-rules/rule-es-1001-felanmalan")
                        .param("version", "2")
                        .param("committee", "Tekniska nämnden")
                        .param("retentionPeriod", "P7Y")
                        .param("clockStart", "CLOSED")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("Någon annan ändrade det under tiden")))
                .andExpect(content().string(containsString("id=\"stored-now\"")))
                .andExpect(content().string(containsString("version 3, sparad av astrid")))
                .andExpect(content()
                        .string(containsString(
                                "<dd id=\"stored-retentionPeriod\">" + astrids.retentionPeriod() + "</dd>")))
                // The typed value stays in its field; the form now names the version stored.
                .andExpect(content().string(containsString("value=\"P7Y\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"3\"")));

        mvc.perform(post("/team/retention-rules/rule-es-1001-felanmalan")
                        .param("version", "3")
                        .param("committee", "Tekniska nämnden")
                        .param("retentionPeriod", "P7Y")
                        .param("clockStart", "CLOSED")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(redirectedUrl("/team/retention-rules/rule-es-1001-felanmalan"))
                .andExpect(flash().attribute("noticeArgument", 4));
    }

    @Test
    void aRefusedRetentionPeriodIsShownNextToIt() throws Exception {
        when(purge.rule("rule-es-1001-felanmalan")).thenReturn(PurgeMother.rule(3, "astrid"));
        when(purge.ruleVersions("rule-es-1001-felanmalan")).thenReturn(List.of(PurgeMother.rule(3, "astrid")));
        when(purge.changeRule(eq("rule-es-1001-felanmalan"), any()))
                .thenThrow(invalid("purge", "retentionPeriod", "is no ISO-8601 period such as P2Y"));

        mvc.perform(post("/team/retention-rules/rule-es-1001-felanmalan")
                        .param("version", "3")
                        .param("retentionPeriod", "två år")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"retentionPeriod-error\"")));
    }

    @Test
    void aHoldOnAnEServiceIsPlacedByItsIdAndAMissingIdIsShownAtTheIdInput() throws Exception {
        when(purge.legalHolds()).thenReturn(List.of());
        mvc.perform(post("/team/legal-holds")
                        .param("target", "ESERVICE")
                        .param("targetId", "es-1001")
                        .param("reason", "Tillsyn")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(redirectedUrl("/team/legal-holds"));
        verify(purge).placeLegalHold("ESERVICE", "es-1001", "Tillsyn");

        when(purge.placeLegalHold(anyString(), any(), anyString()))
                .thenThrow(invalid("purge", "caseId", "give exactly one of caseId and eServiceId"));
        mvc.perform(post("/team/legal-holds")
                        .param("target", "CASE")
                        .param("targetId", "")
                        .param("reason", "Tillsyn")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("id=\"targetId-error\"")));
    }

    @Test
    void aHoldThePurgeServiceDidNotAnswerComesBackTypedWithoutClaimingThereAreNoHolds() throws Exception {
        when(purge.placeLegalHold(anyString(), any(), anyString()))
                .thenThrow(new ServiceUnavailable("purge", new java.net.SocketTimeoutException("Read timed out")));
        when(purge.legalHolds())
                .thenThrow(new ServiceUnavailable("purge", new java.net.SocketTimeoutException("Read timed out")));

        mvc.perform(post("/team/legal-holds")
                        .param("target", "CASE")
                        .param("targetId", "case-9")
                        .param("reason", "Överklagat")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("kan ha genomförts eller inte")))
                .andExpect(content().string(containsString("value=\"case-9\"")))
                .andExpect(content().string(containsString("Överklagat")))
                .andExpect(content().string(not(containsString("id=\"holds\""))));
    }

    @Test
    void twoHoldsOnOneCaseAreListedEachWithItsReasonAndLiftedOneByOne() throws Exception {
        when(purge.legalHolds())
                .thenReturn(List.of(
                        new PurgeServiceClient.LegalHold("hold-1", "CASE", "case-9", "Överklagat", "arvid", MORNING),
                        new PurgeServiceClient.LegalHold(
                                "hold-2", "CASE", "case-9", "Polisutredning", "astrid", MORNING)));

        mvc.perform(get("/team/legal-holds").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("Överklagat")))
                .andExpect(content().string(containsString("Polisutredning")))
                .andExpect(content().string(containsString("name=\"holdId\" value=\"hold-1\"")))
                .andExpect(content().string(containsString("name=\"holdId\" value=\"hold-2\"")));

        mvc.perform(post("/team/legal-holds/lift")
                        .param("holdId", "hold-2")
                        .param("targetId", "case-9")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(redirectedUrl("/team/legal-holds"));
        verify(purge).liftLegalHold("hold-2");
    }

    @Test
    void liftingAHoldNoLongerThereSaysSoInsteadOfA404() throws Exception {
        when(purge.legalHolds()).thenReturn(List.of());
        doThrow(refused("purge", 404, "no such hold")).when(purge).liftLegalHold("hold-9");

        mvc.perform(post("/team/legal-holds/lift")
                        .param("holdId", "hold-9")
                        .param("targetId", "case-9")
                        .with(csrf())
                        .with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"error-summary\"")));
    }

    @Test
    void subscribersAndTheirOverdueAcknowledgementsAreListed() throws Exception {
        when(purge.subscribers())
                .thenReturn(List.of(
                        new PurgeServiceClient.Subscriber("case-system", "Ärendesystemet", "cecilia", MORNING)));
        when(purge.purges()).thenReturn(List.of(PurgeMother.completedWithOverdueBatch("purge-1", "case-system")));

        mvc.perform(get("/team/subscribers").with(as("cecilia", "CENTRAL_TEAM")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("Ärendesystemet")))
                .andExpect(content().string(containsString("id=\"overdue-acknowledgements\"")))
                .andExpect(content().string(containsString("purge-1")));
    }
}
