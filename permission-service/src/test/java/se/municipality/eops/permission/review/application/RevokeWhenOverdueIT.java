package se.municipality.eops.permission.review.application;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.permission.PermissionRequests.uniqueEService;
import static se.municipality.eops.permission.PermissionRequests.uniqueUser;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.permission.GrantFixtures;
import se.municipality.eops.permission.grant.application.PermissionMetrics;
import se.municipality.eops.permission.grant.application.PermissionProperties;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.GrantStatus;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.review.domain.AccessReview;
import se.municipality.eops.permission.review.domain.AccessReviews;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.ServiceIntegrationTest;

/**
 * With {@code eops.permission.access-review.revoke-when-overdue} on, what nobody confirmed by the
 * deadline is revoked. The cycle is built here with that setting over the service's own beans, so
 * the shared context keeps the default (off).
 */
@ServiceIntegrationTest
class RevokeWhenOverdueIT {

    @Autowired
    AccessReviews reviews;

    @Autowired
    Grants grants;

    @Autowired
    PermissionMetrics metrics;

    @Autowired
    PermissionProperties properties;

    @Autowired
    MovableClock clock;

    final PublishedEvents events = PublishedEvents.get();

    @Test
    void grantsNobodyConfirmedAreRevokedAtTheDeadline() {
        PermissionProperties.AccessReview settings = properties.accessReview();
        PermissionProperties revoking = new PermissionProperties(
                properties.jobInterval(),
                properties.expiry(),
                new PermissionProperties.AccessReview(true, settings.cycle(), settings.answerWithin(), true),
                properties.timeZone());
        AccessReviewCycle cycle = new AccessReviewCycle(reviews, grants, metrics, revoking, clock);
        String eServiceId = uniqueEService();
        GrantFixtures.store(grants, PermissionRole.ADMINISTRATOR, eServiceId, uniqueUser("adm"), clock.instant(), null);
        Grant forgotten =
                GrantFixtures.store(grants, PermissionRole.EDITOR, eServiceId, uniqueUser("ed"), clock.instant(), null);
        String reviewId = AccessReview.idFor(eServiceId, clock.instant(), settings.cycle());
        cycle.runOnce();
        events.awaitOne(Topics.PERMISSION_EVENTS, "AccessReviewStarted", e -> reviewId.equals(e.key()));

        clock.advance(settings.answerWithin());
        cycle.runOnce();

        CapturedEvent overdue =
                events.awaitOne(Topics.PERMISSION_EVENTS, "AccessReviewOverdue", e -> reviewId.equals(e.key()));
        assertThat(overdue.payloadContains("\"autoRevoked\":true")).isTrue();
        CapturedEvent revoked = events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionRevoked",
                e -> forgotten.id().equals(e.key()));
        assertThat(revoked.payloadContains("\"cause\":\"ACCESS_REVIEW_OVERDUE\""))
                .isTrue();
        assertThat(grants.findById(forgotten.id()).orElseThrow().status()).isEqualTo(GrantStatus.REVOKED);
    }
}
