package se.municipality.eops.publication.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.publication.catalogue.PublicationScenario.newEServiceId;
import static se.municipality.eops.publication.catalogue.PublicationScenario.newReviewer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.contract.publication.ReviewApproved;
import se.municipality.eops.contract.publication.ReviewDecision;
import se.municipality.eops.contract.publication.ReviewRejected;
import se.municipality.eops.publication.catalogue.PublicationScenario.Reviewer;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.ServiceIntegrationTest;

@ServiceIntegrationTest
class ReviewIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    PublicationScenario scenario;

    @BeforeEach
    void checklistInForce() {
        scenario = new PublicationScenario(port, mongo);
        scenario.publishTestChecklist();
    }

    @Test
    void aQuorumOfTwoApprovalsApprovesAndNamesTheApprovers() {
        String eServiceId = newEServiceId();
        String reviewId = scenario.openReview(eServiceId);
        Reviewer first = newReviewer("rolf");
        Reviewer second = newReviewer("rut");

        HttpAnswer waiting = scenario.http().get("/api/reviews", first.token());
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.body()).contains(reviewId).contains("Testärenden inskickade");

        HttpAnswer one = scenario.decide(reviewId, first, "APPROVE", "Ser bra ut", null);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().get("status").asString()).isEqualTo("IN_REVIEW");

        HttpAnswer two = scenario.decide(reviewId, second, "APPROVE", null, null);
        assertThat(two.status()).as(two.body()).isEqualTo(200);
        assertThat(two.json().get("status").asString()).isEqualTo("APPROVED");

        ReviewApproved approved = scenario.awaitPublicationEvent(ReviewApproved.class, reviewId);
        assertThat(approved.eServiceId()).isEqualTo(eServiceId);
        assertThat(approved.requestId()).startsWith("REQ-");
        assertThat(approved.approvals())
                .extracting(ReviewDecision::reviewerId, ReviewDecision::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first.id(), "Ser bra ut"),
                        org.assertj.core.groups.Tuple.tuple(second.id(), null));
        assertThat(scenario.http()
                        .get("/api/eservices/" + eServiceId, PublicationScenario.token("anna"))
                        .json()
                        .get("versions")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");
        // Approved is final for the review: a late decision is refused.
        assertThat(scenario.decide(reviewId, newReviewer("third"), "APPROVE", null, null)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void oneRejectionRejectsWithItsReasonAndARejectionWithoutReasonIsRefused() {
        String reviewId = scenario.openReview(newEServiceId());
        Reviewer reviewer = newReviewer("rut");

        HttpAnswer withoutReason = scenario.decide(reviewId, reviewer, "REJECT", null, null);
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.body()).contains("comment").contains("reason");
        assertThat(withoutReason.json().at("/errors/0/field").asString()).isEqualTo("comment");
        assertThat(withoutReason.json().at("/errors/0/code").asString()).isEqualTo("required");

        HttpAnswer rejected = scenario.decide(reviewId, reviewer, "REJECT", "Kontaktuppgifter saknas", null);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");

        ReviewRejected event = scenario.awaitPublicationEvent(ReviewRejected.class, reviewId);
        assertThat(event.reason()).isEqualTo("Kontaktuppgifter saknas");
        assertThat(event.reviewerId()).isEqualTo(reviewer.id());
        assertThat(scenario.decide(reviewId, newReviewer("rolf"), "APPROVE", null, null)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aReviewerDecidesOnceOnly() {
        String reviewId = scenario.openReview(newEServiceId());
        Reviewer reviewer = newReviewer("rolf");

        assertThat(scenario.decide(reviewId, reviewer, "APPROVE", null, null).status())
                .isEqualTo(200);
        HttpAnswer again = scenario.decide(reviewId, reviewer, "REJECT", "Ändrade mig", null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("decides once");
        assertThat(again.json().at("/errors/0/field").asString()).isEqualTo("decision");
        assertThat(again.json().at("/errors/0/code").asString()).isEqualTo("decided-already");
        assertThat(scenario.http()
                        .get("/api/reviews/" + reviewId, reviewer.token())
                        .json()
                        .get("decisions")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void aDelegateDecidesOnBehalfOfTheDelegatorInsideThePeriodOnly() {
        Reviewer away = newReviewer("rolf");
        Reviewer delegate = newReviewer("rut");
        Instant now = Instant.now();
        HttpAnswer delegation = scenario.http()
                .post(
                        "/api/reviews/delegations",
                        away.token(),
                        "{\"delegateId\":\"%s\",\"from\":\"%s\",\"until\":\"%s\"}"
                                .formatted(
                                        delegate.id(), now.minus(1, ChronoUnit.HOURS), now.plus(7, ChronoUnit.DAYS)));
        assertThat(delegation.status()).as(delegation.body()).isEqualTo(201);
        String reviewId = scenario.openReview(newEServiceId());

        HttpAnswer forTheDelegator = scenario.decide(reviewId, delegate, "APPROVE", "För Rolf", away.id());
        assertThat(forTheDelegator.status()).as(forTheDelegator.body()).isEqualTo(200);
        // Four eyes: holding Rolf's seat, Rut has decided in person; she may not add her own approval to it.
        HttpAnswer forHerself = scenario.decide(reviewId, delegate, "APPROVE", null, null);
        assertThat(forHerself.status()).as(forHerself.body()).isEqualTo(409);
        assertThat(forHerself.body()).contains("each person decides once");
        assertThat(forHerself.json().at("/errors/0/code").asString()).isEqualTo("decided-already");
        Reviewer second = newReviewer("rasmus");
        assertThat(scenario.decide(reviewId, second, "APPROVE", null, null).status())
                .isEqualTo(200);

        ReviewApproved approved = scenario.awaitPublicationEvent(ReviewApproved.class, reviewId);
        assertThat(approved.approvals())
                .extracting(ReviewDecision::reviewerId, ReviewDecision::onBehalfOf)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(delegate.id(), away.id()),
                        org.assertj.core.groups.Tuple.tuple(second.id(), null));
        // The delegator's seat is taken: deciding himself now would be deciding twice.
        String another = scenario.openReview(newEServiceId());
        assertThat(scenario.decide(another, delegate, "APPROVE", null, away.id())
                        .status())
                .isEqualTo(200);
        HttpAnswer himself = scenario.decide(another, away, "APPROVE", null, null);
        assertThat(himself.status()).isEqualTo(409);
        assertThat(himself.json().at("/errors/0/code").asString()).isEqualTo("decided-already");
        // He did not decide: his delegate did, for him. The answer says so.
        assertThat(himself.json().at("/errors/0/message").asString())
                .startsWith(delegate.id() + " has decided for " + away.id() + " on this review already");
        assertThat(himself.json().at("/errors/0/params/decidedBy").asString()).isEqualTo(delegate.id());
        assertThat(himself.json().at("/errors/0/params/onBehalfOf").asString()).isEqualTo(away.id());
    }

    @Test
    void aDelegateOutsideTheReferenceGroupIsTakenButDecidesNothing() {
        // The service keeps no list of the reference group: it cannot refuse such a delegate, and says nothing
        // it did not check; the role every decision needs keeps the delegate out.
        Reviewer away = newReviewer("rolf");
        Instant now = Instant.now();
        String period = "\"from\":\"%s\",\"until\":\"%s\""
                .formatted(now.minus(1, ChronoUnit.HOURS), now.plus(7, ChronoUnit.DAYS));
        HttpAnswer toHimself = scenario.http()
                .post(
                        "/api/reviews/delegations",
                        away.token(),
                        "{\"delegateId\":\"%s\",%s}".formatted(away.id(), period));
        assertThat(toHimself.status()).isEqualTo(400);
        assertThat(toHimself.json().at("/errors/0/field").asString()).isEqualTo("delegateId");
        assertThat(toHimself.json().at("/errors/0/message").asString())
                .isEqualTo("must be someone other than yourself");
        String outsider = "anna"; // an e-service administrator, no reviewer
        assertThat(scenario.http()
                        .post(
                                "/api/reviews/delegations",
                                away.token(),
                                "{\"delegateId\":\"%s\",%s}".formatted(outsider, period))
                        .status())
                .isEqualTo(201);
        String reviewId = scenario.openReview(newEServiceId());

        HttpAnswer forRolf = scenario.http()
                .post(
                        "/api/reviews/" + reviewId + "/decisions",
                        PublicationScenario.token(outsider),
                        "{\"decision\":\"APPROVE\",\"onBehalfOf\":\"%s\"}".formatted(away.id()));

        assertThat(forRolf.status()).isEqualTo(403);
        assertThat(scenario.http()
                        .get("/api/reviews/" + reviewId, away.token())
                        .json()
                        .get("decisions")
                        .size())
                .isZero();
    }

    @Test
    void aDelegateOutsideThePeriodOrWithoutADelegationIsRefused() {
        Reviewer away = newReviewer("rut");
        Reviewer delegate = newReviewer("rolf");
        Reviewer stranger = newReviewer("nobody");
        Instant now = Instant.now();
        assertThat(scenario.http()
                        .post(
                                "/api/reviews/delegations",
                                away.token(),
                                "{\"delegateId\":\"%s\",\"from\":\"%s\",\"until\":\"%s\"}"
                                        .formatted(
                                                delegate.id(),
                                                now.plus(1, ChronoUnit.DAYS),
                                                now.plus(8, ChronoUnit.DAYS)))
                        .status())
                .isEqualTo(201);
        String reviewId = scenario.openReview(newEServiceId());

        assertThat(scenario.decide(reviewId, delegate, "APPROVE", null, away.id())
                        .status())
                .isEqualTo(403);
        assertThat(scenario.decide(reviewId, stranger, "APPROVE", null, away.id())
                        .status())
                .isEqualTo(403);
        assertThat(scenario.http()
                        .get("/api/reviews/" + reviewId, away.token())
                        .json()
                        .get("decisions")
                        .size())
                .isZero();
    }

    @Test
    void onlyTheReferenceGroupReviews() {
        String reviewId = scenario.openReview(newEServiceId());

        assertThat(scenario.http()
                        .get("/api/reviews", PublicationScenario.token("anna"))
                        .status())
                .isEqualTo(403);
        assertThat(scenario.http()
                        .post(
                                "/api/reviews/" + reviewId + "/decisions",
                                PublicationScenario.token("cecilia"),
                                "{\"decision\":\"APPROVE\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void concurrentVotesAreAllCountedAndPassTheQuorumOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<String> reviewIds = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                reviewIds.add(scenario.openReview(newEServiceId()));
            }
            for (String reviewId : reviewIds) {
                Reviewer first = newReviewer("rolf");
                Reviewer second = newReviewer("rut");
                Reviewer late = newReviewer("third");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpAnswer>> answers = new ArrayList<>();
                for (Reviewer reviewer : List.of(first, second, late)) {
                    answers.add(pool.submit(
                            awaiting(start, () -> scenario.decide(reviewId, reviewer, "APPROVE", null, null))));
                }
                // The same reviewer twice at the same instant: one of the two is refused.
                answers.add(
                        pool.submit(awaiting(start, () -> scenario.decide(reviewId, first, "APPROVE", null, null))));
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpAnswer> answer : answers) {
                    statuses.add(answer.get().status());
                }

                ReviewApproved approved = scenario.awaitPublicationEvent(ReviewApproved.class, reviewId);
                var review = scenario.http()
                        .get("/api/reviews/" + reviewId, first.token())
                        .json();
                assertThat(approved.approvals()).as(review.toString()).hasSize(2);
                assertThat(statuses).as(review.toString()).containsOnly(200, 409);
                assertThat(statuses.stream().filter(status -> status == 200))
                        .as(statuses + " " + review)
                        .hasSize(2);
                assertThat(review.get("decisions").size()).isEqualTo(2);
                assertThat(review.get("status").asString()).isEqualTo("APPROVED");
                assertThat(scenario.publicationEvents("ReviewApproved", reviewId))
                        .hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Callable<T> awaiting(CountDownLatch start, Callable<T> call) {
        return () -> {
            start.await();
            return call.call();
        };
    }
}
