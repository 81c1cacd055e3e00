package se.municipality.eops.portal.reviews;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
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
import se.municipality.eops.portal.services.PublicationServiceClient;
import se.municipality.eops.portal.services.PublicationServiceClient.ChecklistAnswer;
import se.municipality.eops.portal.services.PublicationServiceClient.Delegation;
import se.municipality.eops.portal.services.PublicationServiceClient.Review;
import se.municipality.eops.portal.services.PublicationServiceClient.ReviewVote;

class ReviewsPageTest extends DeskPageTest {

    static final Instant FILED = Instant.parse("2026-12-07T08:00:00Z");

    static Review review(List<ReviewVote> decisions) {
        return new Review(
                "rev-1",
                "es-2001",
                "Ansökan om parkeringstillstånd",
                "Stadsbyggnadsnämnden",
                "Parkeringsenheten",
                "1.0",
                "REQ-1",
                "anna",
                FILED,
                1,
                List.of(
                        new ChecklistAnswer("accessibility", "Tillgänglighetsgranskad", true),
                        new ChecklistAnswer("handlers", "Handläggare har behörighet", false)),
                "IN_REVIEW",
                2,
                FILED,
                decisions,
                null);
    }

    @Test
    void reviewsWaitingForMeAreListedWithTheirChecklistAnswers() throws Exception {
        when(publication.reviewsWaitingForMe()).thenReturn(List.of(review(List.of())));

        mvc.perform(get("/reviews").with(as("rolf", "REFERENCE_GROUP")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("href=\"/reviews/rev-1\"")))
                .andExpect(content().string(containsString("1 av 2 klara")));
    }

    @Test
    void aReviewShowsTheAnswersAndTheApproveAndRejectButtons() throws Exception {
        when(publication.review("rev-1")).thenReturn(review(List.of()));
        when(publication.delegations()).thenReturn(List.of());

        mvc.perform(get("/reviews/rev-1").with(as("rolf", "REFERENCE_GROUP")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("id=\"checklist-answers\"")))
                .andExpect(content().string(containsString("Handläggare har behörighet")))
                .andExpect(content().string(containsString("id=\"approve\"")))
                .andExpect(content().string(containsString("id=\"reject\"")));
    }

    @Test
    void aReviewIDecidedOfferNoSecondDecision() throws Exception {
        when(publication.review("rev-1"))
                .thenReturn(review(List.of(new ReviewVote("rolf", null, true, "Ser bra ut", FILED))));
        when(publication.delegations()).thenReturn(List.of());

        mvc.perform(get("/reviews/rev-1").with(as("rolf", "REFERENCE_GROUP")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"decided\"")))
                .andExpect(content().string(not(containsString("id=\"approve\""))));
    }

    @Test
    void approvingSendsTheDecisionAndReturnsToTheList() throws Exception {
        mvc.perform(post("/reviews/rev-1/decision")
                        .param("decision", "APPROVE")
                        .param("comment", "Ser bra ut")
                        .with(csrf())
                        .with(as("rolf", "REFERENCE_GROUP")))
                .andExpect(redirectedUrl("/reviews"))
                .andExpect(flash().attribute("notice", "reviews.approved"));
        verify(publication).decide("rev-1", "APPROVE", "Ser bra ut", null);
    }

    @Test
    void aRejectionWithoutCommentShowsTheServicesErrorAtTheComment() throws Exception {
        when(publication.review("rev-1")).thenReturn(review(List.of()));
        when(publication.delegations()).thenReturn(List.of());
        when(publication.decide("rev-1", "REJECT", null, null))
                .thenThrow(invalid("publication", "comment", "a rejection needs a reason"));

        mvc.perform(post("/reviews/rev-1/decision")
                        .param("decision", "REJECT")
                        .param("comment", " ")
                        .with(csrf())
                        .with(as("rut", "REFERENCE_GROUP")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"comment-error\"")))
                .andExpect(content().string(containsString("a rejection needs a reason")));
    }

    @Test
    void aDecisionForSomeoneWithoutDelegationIsAMessageOnThePageNotA403Page() throws Exception {
        Instant now = Instant.now();
        when(publication.review("rev-1")).thenReturn(review(List.of()));
        when(publication.delegations())
                .thenReturn(List.of(new Delegation(
                        "del-1",
                        "rolf",
                        "rut",
                        now.minusSeconds(3600),
                        now.plusSeconds(3600),
                        now.minusSeconds(3600))));
        when(publication.decide("rev-1", "APPROVE", null, "rolf"))
                .thenThrow(refused("publication", 403, "rut has no delegation from rolf"));

        mvc.perform(post("/reviews/rev-1/decision")
                        .param("decision", "APPROVE")
                        .param("onBehalfOf", "rolf")
                        .with(csrf())
                        .with(as("rut", "REFERENCE_GROUP")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("rut has no delegation from rolf")))
                // Rolf's delegation to Rut covers now: she may choose to decide for him.
                .andExpect(content().string(containsString("<option value=\"rolf\" selected=\"selected\">")));
    }

    @Test
    void reviewsAreTheReferenceGroupsOnlyAndDecisionsNeedTheCsrfToken() throws Exception {
        for (String role : List.of("CENTRAL_TEAM", "ARCHIVIST", "ESERVICE_ADMINISTRATOR")) {
            mvc.perform(get("/reviews/rev-1").with(as("someone", role)))
                    .andExpect(status().isForbidden())
                    .andExpect(forwardedUrl("/forbidden"));
        }
        mvc.perform(post("/reviews/rev-1/decision").param("decision", "APPROVE").with(as("rolf", "REFERENCE_GROUP")))
                .andExpect(status().isForbidden());
        verify(publication, never()).decide(anyString(), anyString(), any(), any());
    }

    @Test
    void aDelegationIsSentAsWholeDaysInStockholmTime() throws Exception {
        mvc.perform(post("/reviews/delegation")
                        .param("delegateId", "rut")
                        .param("from", "2026-12-14")
                        .param("until", "2026-12-18")
                        .with(csrf())
                        .with(as("rolf", "REFERENCE_GROUP")))
                .andExpect(redirectedUrl("/reviews/delegation"));
        // From the start of the first day until the end of the last, Stockholm (UTC+1 in December).
        verify(publication)
                .delegate("rut", Instant.parse("2026-12-13T23:00:00Z"), Instant.parse("2026-12-18T23:00:00Z"));
    }

    @Test
    void aDelegationTheServiceRefusesShowsItsErrorAtTheField() throws Exception {
        when(publication.delegations()).thenReturn(List.of());
        when(publication.delegate(any(), any(), any()))
                .thenThrow(invalid("publication", "delegateId", "must be another reviewer than yourself"));

        mvc.perform(post("/reviews/delegation")
                        .param("delegateId", "rolf")
                        .param("from", "2026-12-14")
                        .param("until", "2026-12-18")
                        .with(csrf())
                        .with(as("rolf", "REFERENCE_GROUP")))
                .andExpect(status().isOk())
                .andExpect(everyTextFound())
                .andExpect(content().string(containsString("id=\"delegateId-error\"")));
    }

    @Test
    void theDelegationsUntilIsTheirLastDayInclusiveAsADate() throws Exception {
        when(publication.delegations())
                .thenReturn(List.of(new PublicationServiceClient.Delegation(
                        "del-1",
                        "rolf",
                        "rut",
                        Instant.parse("2026-12-13T23:00:00Z"), // 2026-12-14 00:00 in Stockholm
                        Instant.parse("2026-12-22T23:00:00Z"), // 2026-12-23 00:00: the end, exclusive
                        Instant.parse("2026-12-07T09:00:00Z"))));

        mvc.perform(get("/reviews/delegation").param("lang", "en").with(as("rolf", "REFERENCE_GROUP")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<time datetime=\"2026-12-22\">Dec 22, 2026</time>")))
                .andExpect(content().string(containsString("<time datetime=\"2026-12-14\">Dec 14, 2026</time>")))
                .andExpect(content().string(not(containsString("Dec 23"))));
    }
}
