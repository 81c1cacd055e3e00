package se.municipality.eops.notification.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import se.municipality.eops.contract.permission.AccessReviewStarted;
import se.municipality.eops.contract.permission.PermissionAwaitingTraining;
import se.municipality.eops.contract.permission.PermissionExpiring;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.contract.publication.PublicationStalled;
import se.municipality.eops.contract.publication.ReviewDelegated;
import se.municipality.eops.contract.publication.ReviewRequested;
import se.municipality.eops.contract.publication.Reviewer;
import se.municipality.eops.contract.purge.PurgeAcknowledgementOverdue;
import se.municipality.eops.contract.purge.PurgePlanCreated;
import se.municipality.eops.contract.request.MissingItem;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.RequestCommented;
import se.municipality.eops.contract.request.RequestOverdue;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestStatusChanged;
import se.municipality.eops.contract.request.RequestStatusCode;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;
import se.municipality.eops.contract.samples.RequestLifecycleMother;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.notification.Mails;
import se.municipality.eops.notification.ServiceEvents;
import se.municipality.eops.notification.TestChannels;
import se.municipality.eops.notification.WebhookReceiver;
import se.municipality.eops.notification.delivery.ReceiptEvents;
import se.municipality.eops.notification.delivery.RequestEvents;
import se.municipality.eops.notification.delivery.domain.Notification;
import se.municipality.eops.notification.delivery.domain.NotificationFilter;
import se.municipality.eops.notification.delivery.domain.NotificationStatus;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.Mailboxes;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

/**
 * The rules of application.yml against the real broker and mail server: who gets which mail, in
 * which language, saying what, and once however often an event arrives. MessageTemplatesTest renders every
 * template in both languages with the contract's samples.
 */
@ServiceIntegrationTest
class NotificationRulesIT {

    private static final String TEAM = "centrala-teamet@kommun.example";
    private static final String REFERENCE_GROUP = "referensgruppen@kommun.example";
    private static final String ARCHIVISTS = "arkivet@kommun.example";
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @Value("${local.server.port}")
    int port;

    @Autowired
    Notifications notifications;

    @Test
    void tellsThePersonAndTheRequesterOfAnAdministratorGrantEachInTheirLanguageAndLaterTheAdministrators() {
        String annaAddress = ReceiptEvents.uniqueAddress("anna");
        RequestSubmitted submitted = ReceiptEvents.to(RequestSubmittedMother.administratorPermission(), annaAddress);
        RequestEvents.publish(submitted);
        Mailboxes.awaitMailTo(annaAddress); // the receipt: the request is known now
        String carlId = "carl-" + UUID.randomUUID();
        Person carl = new Person(carlId, "Carl Carlsson", ReceiptEvents.uniqueAddress("carl"));
        assertThat(TestHttp.at(port)
                        .call(
                                HttpMethod.PUT,
                                "/api/preferences/" + carlId,
                                token("CENTRAL_TEAM"),
                                "{\"language\":\"en\"}")
                        .status())
                .isEqualTo(200);
        HttpAnswer unknownLanguage = TestHttp.at(port)
                .call(HttpMethod.PUT, "/api/preferences/" + carlId, token("CENTRAL_TEAM"), "{\"language\":\"fi\"}");
        assertThat(unknownLanguage.status()).isEqualTo(400);
        assertThat(unknownLanguage.json().at("/errors/0/code").asString()).isEqualTo("not-one-of");
        assertThat(unknownLanguage.json().at("/errors/0/params/allowed").asString())
                .isEqualTo("sv, en");
        String eServiceId = "es-" + UUID.randomUUID();
        String grantId = "grant-" + UUID.randomUUID();

        ServiceEvents.publish(new PermissionAwaitingTraining(
                UUID.randomUUID(),
                grantId,
                AT,
                submitted.requestId(),
                PermissionRole.ADMINISTRATOR,
                eServiceId,
                "Parkeringstillstånd",
                carl,
                AT,
                Instant.parse("2027-06-30T22:00:00Z"),
                "cecilia"));

        MimeMessage toCarl = Mails.awaitOne(carl.email(), "Permission waiting for training");
        assertThat(Mails.part(toCarl, "text/plain"))
                .contains("The administrator permission for Parkeringstillstånd is granted")
                .contains("request " + submitted.requestId());
        assertThat(Mails.part(toCarl, "text/html")).contains("<p>").doesNotContain("{0}");
        MimeMessage toAnna = Mails.awaitOne(annaAddress, "Behörighet väntar på utbildning");
        assertThat(Mails.part(toAnna, "text/plain")).contains("Behörigheten administratör för Parkeringstillstånd");

        ServiceEvents.publish(new PermissionGranted(
                UUID.randomUUID(),
                grantId,
                AT,
                submitted.requestId(),
                PermissionRole.ADMINISTRATOR,
                eServiceId,
                "Parkeringstillstånd",
                carl,
                null,
                AT,
                Instant.parse("2027-06-30T22:00:00Z"),
                "cecilia",
                null));
        Mails.awaitOne(carl.email(), "Permission active: Parkeringstillstånd");
        Mails.awaitOne(annaAddress, "Behörighet aktiv: Parkeringstillstånd");

        // Another grant on the same e-service nears its end: the administrators (Carl, from the grant above) hear.
        ServiceEvents.publish(new PermissionExpiring(
                UUID.randomUUID(),
                "grant-" + UUID.randomUUID(),
                AT,
                null,
                PermissionRole.EDITOR,
                eServiceId,
                new Person("dina", "Dina Dahl", null),
                null,
                Instant.parse("2026-12-31T23:00:00Z")));
        MimeMessage expiring = Mails.awaitOne(carl.email(), "Permission expiring soon: " + eServiceId);
        assertThat(Mails.part(expiring, "text/plain")).contains("The editor permission of Dina Dahl");
    }

    @Test
    void mailsAPersonInTheLanguageTheyChoseUnderTheirLoginNameAsTheyTypedIt() {
        String annaAddress = ReceiptEvents.uniqueAddress("anna");
        RequestSubmitted submitted = ReceiptEvents.to(RequestSubmittedMother.administratorPermission(), annaAddress);
        RequestEvents.publish(submitted);
        Mailboxes.awaitMailTo(annaAddress); // the receipt: the request is known now
        // The login name as the person typed it; the permission events carry it normalised (PersonIds).
        String loginName = "Anna.Andersson." + UUID.randomUUID().toString().toUpperCase();
        String myToken = SharedInfrastructure.get()
                .tokens()
                .tokenFor(loginName, "Anna Andersson", "anna@kommun.example", List.of("ESERVICE_ADMINISTRATOR"));
        assertThat(TestHttp.at(port)
                        .call(HttpMethod.PUT, "/api/preferences/me", myToken, "{\"language\":\"en\"}")
                        .status())
                .isEqualTo(200);
        Person anna = new Person(
                PersonIds.normalize(loginName), "Anna Andersson", ReceiptEvents.uniqueAddress("anna.andersson"));
        String eServiceId = "es-" + UUID.randomUUID();

        ServiceEvents.publish(new PermissionGranted(
                UUID.randomUUID(),
                "grant-" + UUID.randomUUID(),
                AT,
                submitted.requestId(),
                PermissionRole.ADMINISTRATOR,
                eServiceId,
                "Bygglov",
                anna,
                null,
                AT,
                Instant.parse("2027-06-30T22:00:00Z"),
                "cecilia",
                null));

        Mails.awaitOne(anna.email(), "Permission active: Bygglov");
        assertThat(TestHttp.at(port)
                        .call(HttpMethod.GET, "/api/preferences/me", myToken, null)
                        .json()
                        .at("/language")
                        .asString())
                .isEqualTo("en");
    }

    @Test
    void tellsTheRequesterOfAGrantWhoseEventIsReadBeforeTheRequestItself() {
        // The permission topic is read apart from the request topic: after a restart or under load a grant's event
        // can be read before RequestSubmitted of its request, whose requester the mail is for.
        String annaAddress = ReceiptEvents.uniqueAddress("anna");
        RequestSubmitted submitted = ReceiptEvents.to(RequestSubmittedMother.administratorPermission(), annaAddress);
        Person dan = new Person("dan-" + UUID.randomUUID(), "Dan Dahl", ReceiptEvents.uniqueAddress("dan"));
        String eServiceId = "es-" + UUID.randomUUID();
        ServiceEvents.publish(new PermissionAwaitingTraining(
                UUID.randomUUID(),
                "grant-" + UUID.randomUUID(),
                AT,
                submitted.requestId(),
                PermissionRole.ADMINISTRATOR,
                eServiceId,
                eServiceId,
                dan,
                AT,
                Instant.parse("2027-06-30T22:00:00Z"),
                "cecilia"));
        Mails.awaitOne(dan.email(), "Behörighet väntar på utbildning: " + eServiceId); // the event has been read

        RequestEvents.publish(submitted);
        RequestEvents.publish(submitted); // and again: still one mail

        Mails.awaitOne(annaAddress, "Behörighet väntar på utbildning: " + eServiceId);
        Mails.awaitOne(annaAddress, submitted.requestId()); // the receipt
        await().during(java.time.Duration.ofSeconds(2))
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Mails.to(annaAddress, "Behörighet väntar på utbildning: " + eServiceId)
                                .size()
                        == 1);
    }

    @Test
    void tellsTheRequesterOfTheStepsThatMatterAndTheTeamOfOverdueRequests() {
        String anna = ReceiptEvents.uniqueAddress("anna");
        Requester requester = new Requester(
                "anna-" + UUID.randomUUID(), "Anna Andersson", anna, RequesterRole.ESERVICE_ADMINISTRATOR);
        RequestStatusChanged toReview = RequestLifecycleMother.waitingForReview();
        String requestId = toReview.requestId();
        ServiceEvents.publish(new RequestStatusChanged(
                UUID.randomUUID(),
                requestId,
                AT,
                requester,
                RequestType.PUBLICATION,
                "es-4711",
                "Skolskjuts",
                RequestStatusCode.SUBMITTED,
                RequestStatusCode.WAITING_FOR_REVIEW,
                2,
                "publication-service",
                "ReviewRequested",
                UUID.randomUUID().toString(),
                null,
                null));
        assertThat(Mails.part(Mails.awaitOne(anna, "har ny status: väntar på granskning"), "text/plain"))
                .contains("från inskickad till väntar på granskning");

        ServiceEvents.publish(new RequestCommented(
                UUID.randomUUID(),
                requestId,
                AT,
                requester,
                "c-1",
                requester.userId(),
                RequestCommented.AuthorRole.REQUESTER,
                "Min egen kommentar"));
        ServiceEvents.publish(new RequestCommented(
                UUID.randomUUID(),
                requestId,
                AT,
                requester,
                "c-2",
                "cecilia",
                RequestCommented.AuthorRole.CENTRAL_TEAM,
                "Bifoga testärendena, tack."));
        assertThat(Mails.part(Mails.awaitOne(anna, "Ny kommentar"), "text/plain"))
                .contains("Bifoga testärendena, tack.");

        ServiceEvents.publish(new RequestStatusChanged(
                UUID.randomUUID(),
                requestId,
                AT,
                requester,
                RequestType.PUBLICATION,
                "es-4711",
                "Skolskjuts",
                RequestStatusCode.WAITING_FOR_REVIEW,
                RequestStatusCode.REJECTED,
                3,
                "cecilia",
                null,
                null,
                "Checklistan är inte komplett",
                List.of(new MissingItem("a11y", "Tillgänglighetsredogörelse"))));
        ServiceEvents.publish(new RequestRejected(
                UUID.randomUUID(),
                requestId,
                AT,
                requester,
                RequestType.PUBLICATION,
                "es-4711",
                "Skolskjuts",
                "cecilia",
                RequestRejected.ReasonCode.CHECKLIST_INCOMPLETE,
                "Checklistan är inte komplett",
                List.of(new MissingItem("a11y", "Tillgänglighetsredogörelse"))));
        assertThat(Mails.part(Mails.awaitOne(anna, "har avslagits"), "text/plain"))
                .contains("punkter i checklistan som måste vara bekräftade är inte det")
                .contains("Saknas: Tillgänglighetsredogörelse");

        RequestOverdue overdue = RequestLifecycleMother.overdueAndAssigned();
        ServiceEvents.publish(overdue);
        assertThat(Mails.part(Mails.awaitOne(TEAM, "Försenad begäran " + overdue.requestId()), "text/plain"))
                .contains("Handläggare: " + overdue.assignee());

        // Everything of this request went through one partition: the requester's comment and the
        // change into REJECTED (it has its own mail) told nobody.
        assertThat(Mailboxes.to(anna)).extracting(Mails::subject).hasSize(3);
    }

    @Test
    void tellsTheArchivistsOfAPurgePlanWithCountsAndReferencesOnlyOnceHoweverOftenItArrives() {
        String planId = "plan-" + UUID.randomUUID();
        PurgePlanCreated plan = new PurgePlanCreated(
                UUID.randomUUID(),
                planId,
                AT,
                "req-" + UUID.randomUUID(),
                "es-1001",
                "rule-1",
                3,
                "Barn- och utbildningsnämnden",
                "BUN 2025/118",
                "anna",
                120,
                2,
                Instant.parse("2015-01-10T08:00:00Z"),
                Instant.parse("2021-11-27T16:00:00Z"),
                AT.plusSeconds(14 * 86400));

        ServiceEvents.publish(plan);
        RecordMetadata copy = ServiceEvents.publish(plan);

        MimeMessage mail = Mails.awaitOne(ARCHIVISTS, planId);
        assertThat(Mails.part(mail, "text/plain"))
                .contains("Ärenden att gallra: 120, undantagna: 2.")
                .contains("beslut BUN 2025/118");
        // The copy itself has been handled: whatever it added would be recorded by now.
        ServiceEvents.awaitHandled(copy);
        assertThat(notificationsCausedBy(plan.eventId(), ARCHIVISTS, "purge-plan-created"))
                .singleElement()
                .satisfies(notification -> assertThat(notification.status()).isEqualTo(NotificationStatus.SENT));
        assertThat(Mails.to(ARCHIVISTS, planId)).hasSize(1);

        // A subscriber that has not acknowledged a purge: the team hears.
        PurgeAcknowledgementOverdue overdue = new PurgeAcknowledgementOverdue(
                UUID.randomUUID(),
                "purge-" + UUID.randomUUID(),
                AT,
                "es-1001",
                null,
                1,
                List.of("case-handling", "my-pages"),
                AT);
        ServiceEvents.publish(overdue);
        Mails.awaitOne(TEAM, overdue.purgeId());
    }

    @Test
    void tellsTheReferenceGroupOfAReviewAndTheReviewersOfAnAccessReview() {
        String reviewId = "rev-" + UUID.randomUUID();
        ServiceEvents.publish(new ReviewRequested(
                UUID.randomUUID(),
                "es-4711",
                AT,
                "REQ-" + UUID.randomUUID(),
                reviewId,
                "Skolskjuts",
                "1.0",
                "Barn- och utbildningsnämnden",
                "Skolförvaltningen",
                3,
                2,
                "anna"));
        assertThat(Mails.part(Mails.awaitOne(REFERENCE_GROUP, "Granskning väntar: Skolskjuts 1.0"), "text/plain"))
                .contains("granskning " + reviewId);

        String reviewer = ReceiptEvents.uniqueAddress("erik");
        String accessReviewId = "ar-" + UUID.randomUUID();
        ServiceEvents.publish(new AccessReviewStarted(
                UUID.randomUUID(),
                accessReviewId,
                AT,
                "es-1001",
                AT.plusSeconds(14 * 86_400),
                List.of(new Person("erik-" + UUID.randomUUID(), "Erik Ek", reviewer)),
                List.of()));
        assertThat(Mails.part(Mails.awaitOne(reviewer, "Behörighetsgranskning av es-1001"), "text/plain"))
                .contains("granskning " + accessReviewId);
    }

    @Test
    void tellsTheDelegateOfADelegationOrWithoutTheirAddressTheReferenceGroupOnceHoweverOftenItArrives() {
        String delegateId = "rut-" + UUID.randomUUID();
        ReviewDelegated byIdOnly = new ReviewDelegated(
                UUID.randomUUID(),
                "dlg-" + UUID.randomUUID(),
                AT,
                "rolf",
                delegateId,
                // Whole days, as the portal makes a delegation: 30 November to 6 December, Swedish time.
                Instant.parse("2026-11-29T23:00:00Z"),
                Instant.parse("2026-12-06T23:00:00Z"),
                new Reviewer("rolf", "Rolf Lind", "rolf.lind@kommun.example"),
                new Reviewer(delegateId, null, null));

        ServiceEvents.publish(byIdOnly);
        RecordMetadata copy = ServiceEvents.publish(byIdOnly);

        MimeMessage toTheGroup =
                Mails.awaitOne(REFERENCE_GROUP, "Granskningsbeslut delegerade: Rolf Lind till " + delegateId);
        assertThat(Mails.part(toTheGroup, "text/plain"))
                .contains("Rolf Lind låter " + delegateId + " fatta granskningsbeslut för sin räkning"
                        + " från och med 30 november 2026 till och med 6 december 2026.")
                .contains("Delegering " + byIdOnly.delegationId() + ".");

        String rutsAddress = ReceiptEvents.uniqueAddress("rut");
        ReviewDelegated toAKnownDelegate = new ReviewDelegated(
                UUID.randomUUID(),
                "dlg-" + UUID.randomUUID(),
                AT,
                "rolf",
                "rut",
                Instant.parse("2026-11-30T07:00:00Z"),
                Instant.parse("2026-12-07T07:00:00Z"),
                new Reviewer("rolf", "Rolf Lind", "rolf.lind@kommun.example"),
                new Reviewer("rut", "Rut Holm", rutsAddress));
        ServiceEvents.publish(toAKnownDelegate);

        assertThat(Mails.part(
                        Mails.awaitOne(rutsAddress, "Granskningsbeslut delegerade: Rolf Lind till Rut Holm"),
                        "text/plain"))
                // Not whole days (publication-service's API takes any instant): the times, not days.
                .contains("från och med 30 november 2026 kl. 08:00 till och med 7 december 2026 kl. 08:00.")
                .contains("Delegering " + toAKnownDelegate.delegationId() + ".");
        // The copy of the first has itself been handled: whatever it added would be recorded by now. Each
        // went out once, and the one with the delegate's address not to the reference group as well.
        ServiceEvents.awaitHandled(copy);
        assertThat(notificationsCausedBy(byIdOnly.eventId(), REFERENCE_GROUP, "review-delegated"))
                .singleElement()
                .satisfies(notification -> assertThat(notification.status()).isEqualTo(NotificationStatus.SENT));
        assertThat(Mails.to(REFERENCE_GROUP, "till " + delegateId)).hasSize(1);
        assertThat(Mails.to(REFERENCE_GROUP, "till Rut Holm")).isEmpty();
        assertThat(Mails.to(rutsAddress, "Granskningsbeslut delegerade")).hasSize(1);
    }

    @Test
    void tellsTheTeamOfAStalledPublicationByMailAndOverItsSignedWebhook() {
        String requestId = "REQ-" + UUID.randomUUID();
        String eService = "Skolskjuts " + requestId.substring(4, 12);
        ServiceEvents.publish(new PublicationStalled(
                UUID.randomUUID(), "es-4711", AT, requestId, "rev-1", eService, AT.minusSeconds(3600), 60));

        assertThat(Mails.part(Mails.awaitOne(TEAM, "Publiceringen av " + eService + " har stannat"), "text/plain"))
                .contains("begäran " + requestId);
        WebhookReceiver webhook = TestChannels.webhook();
        List<WebhookReceiver.Received> posted =
                await().until(() -> webhook.acceptedMentioning(requestId), found -> !found.isEmpty());
        assertThat(posted).singleElement().satisfies(received -> {
            assertThat(received.signatureValid()).isTrue();
            assertThat(received.timestamp()).isNotBlank();
            assertThat(received.body()).contains("\"template\":\"publication-stalled\"");
        });
    }

    @Test
    void tellsTheTeamAndTheReferenceGroupOfAWithdrawnPublicationRequestOnceHoweverOftenItArrives() {
        String anna = ReceiptEvents.uniqueAddress("anna");
        Requester requester = new Requester(
                "anna-" + UUID.randomUUID(), "Anna Andersson", anna, RequesterRole.ESERVICE_ADMINISTRATOR);
        String requestId = "REQ-" + UUID.randomUUID();
        RequestWithdrawn withdrawn = new RequestWithdrawn(
                UUID.randomUUID(),
                requestId,
                AT,
                requester,
                RequestType.PUBLICATION,
                "es-4711",
                requester.userId(),
                "Fel version bifogad");

        ServiceEvents.publish(withdrawn);
        RecordMetadata copy = ServiceEvents.publish(withdrawn);

        MimeMessage toTheTeam = Mails.awaitOne(TEAM, "Återkallad begäran " + requestId + " (publicering)");
        assertThat(Mails.part(toTheTeam, "text/plain"))
                .contains("En begäran har återkallats innan den var genomförd.")
                .contains("Begäran: " + requestId + "\nTyp: publicering\nE-tjänst: es-4711\n")
                .contains("Återkallad av: " + requester.userId() + "\nSkäl: Fel version bifogad");
        MimeMessage toTheGroup =
                Mails.awaitOne(REFERENCE_GROUP, "Återkallad begäran " + requestId + ": ingen granskning behövs");
        assertThat(Mails.part(toTheGroup, "text/plain"))
                .contains("Begäran " + requestId + " om publicering av e-tjänsten es-4711 har återkallats.")
                .contains("granskningen nu avslutad: inget beslut behövs.");
        assertThat(Mails.part(toTheGroup, "text/html")).contains("<p>").doesNotContain("{0}");

        // The copy itself has been handled: whatever it added would be recorded by now. One mail each, none to the
        // archivists, none to the requester (they withdrew it themselves).
        ServiceEvents.awaitHandled(copy);
        awaitSentOnce(withdrawn.eventId(), TEAM, "request-withdrawn");
        awaitSentOnce(withdrawn.eventId(), REFERENCE_GROUP, "request-withdrawn-review");
        assertThat(Mails.to(TEAM, requestId)).hasSize(1);
        assertThat(Mails.to(REFERENCE_GROUP, requestId)).hasSize(1);
        assertThat(Mails.to(ARCHIVISTS, requestId)).isEmpty();
        assertThat(Mailboxes.to(anna)).isEmpty();
    }

    @Test
    void tellsTheTeamAndTheArchivistsOfAWithdrawnPurgeRequestNotTheReferenceGroupOnceHoweverOftenItArrives() {
        String anna = ReceiptEvents.uniqueAddress("anna");
        Requester requester = new Requester(
                "anna-" + UUID.randomUUID(), "Anna Andersson", anna, RequesterRole.ESERVICE_ADMINISTRATOR);
        String requestId = "REQ-" + UUID.randomUUID();
        RequestWithdrawn withdrawn = new RequestWithdrawn(
                UUID.randomUUID(), requestId, AT, requester, RequestType.PURGE, "es-1001", requester.userId(), null);

        ServiceEvents.publish(withdrawn);
        RecordMetadata copy = ServiceEvents.publish(withdrawn);

        MimeMessage toTheTeam = Mails.awaitOne(TEAM, "Återkallad begäran " + requestId + " (gallring)");
        assertThat(Mails.part(toTheTeam, "text/plain"))
                .contains("Begäran: " + requestId + "\nTyp: gallring\nE-tjänst: es-1001\n")
                .contains("Återkallad av: " + requester.userId() + "\n\n") // no reason given: no line for it
                .doesNotContain("Skäl")
                .doesNotContain("null");
        MimeMessage toTheArchivists =
                Mails.awaitOne(ARCHIVISTS, "Återkallad begäran " + requestId + ": inget godkännande behövs");
        assertThat(Mails.part(toTheArchivists, "text/plain"))
                .contains("Begäran " + requestId + " om gallring för e-tjänsten es-1001 har återkallats.")
                .contains("Om en gallringsplan för begäran väntade på ert godkännande är planen återkallad"
                        + " och kommer inte att genomföras: inget godkännande behövs.");

        ServiceEvents.awaitHandled(copy);
        awaitSentOnce(withdrawn.eventId(), TEAM, "request-withdrawn");
        awaitSentOnce(withdrawn.eventId(), ARCHIVISTS, "request-withdrawn-purge");
        assertThat(notificationsCausedBy(withdrawn.eventId(), REFERENCE_GROUP, "request-withdrawn-review"))
                .isEmpty();
        assertThat(Mails.to(TEAM, requestId)).hasSize(1);
        assertThat(Mails.to(ARCHIVISTS, requestId)).hasSize(1);
        assertThat(Mails.to(REFERENCE_GROUP, requestId)).isEmpty();
        assertThat(Mailboxes.to(anna)).isEmpty();
    }

    @Test
    void tellsThePersonAPermissionRequestWasForOfItsWithdrawalOnceButNotARequesterWhoAskedForThemselves() {
        String annaAddress = ReceiptEvents.uniqueAddress("anna");
        String kimAddress = ReceiptEvents.uniqueAddress("kim");
        RequestSubmitted forKim = permissionRequestFor(
                new PermissionRequest.Person("kim-" + UUID.randomUUID(), "Kim Karlsson", kimAddress), annaAddress);
        RequestEvents.publish(forKim);
        Mails.awaitOne(annaAddress, forKim.requestId()); // the receipt: the request is known now
        RequestWithdrawn withdrawn = new RequestWithdrawn(
                UUID.randomUUID(),
                forKim.requestId(),
                AT,
                forKim.requester(),
                RequestType.PERMISSION,
                "es-1002",
                forKim.requester().userId(),
                "Fel person");

        ServiceEvents.publish(withdrawn);
        RecordMetadata copy = ServiceEvents.publish(withdrawn);

        MimeMessage toKim = Mails.awaitOne(kimAddress, "Återkallad begäran om behörighet för dig");
        assertThat(Mails.part(toKim, "text/plain"))
                .contains(forKim.requester().name() + " har återkallat begäran " + forKim.requestId()
                        + " om behörighet för dig på e-tjänsten es-1002 innan den var genomförd.")
                .doesNotContain("Fel person");
        ServiceEvents.awaitHandled(copy);
        awaitSentOnce(withdrawn.eventId(), kimAddress, "request-withdrawn-person");
        assertThat(Mails.to(kimAddress, forKim.requestId())).hasSize(1);
        assertThat(Mails.to(annaAddress, "Återkallad")).isEmpty(); // Anna withdrew it herself

        // Anna asks for a permission for herself and withdraws it: no mail to her, as the person or the requester.
        RequestSubmitted forAnna = permissionRequestFor(
                new PermissionRequest.Person("u-anna-self", "Anna Andersson", annaAddress), annaAddress);
        RequestEvents.publish(forAnna);
        Mails.awaitOne(annaAddress, forAnna.requestId());
        RequestWithdrawn ownWithdrawn = new RequestWithdrawn(
                UUID.randomUUID(),
                forAnna.requestId(),
                AT,
                forAnna.requester(),
                RequestType.PERMISSION,
                "es-1002",
                forAnna.requester().userId(),
                null);
        ServiceEvents.awaitHandled(ServiceEvents.publish(ownWithdrawn));
        awaitSentOnce(ownWithdrawn.eventId(), TEAM, "request-withdrawn");
        assertThat(notificationsCausedBy(ownWithdrawn.eventId(), annaAddress, "request-withdrawn-person"))
                .isEmpty();
        assertThat(Mails.to(annaAddress, "Återkallad")).isEmpty();
    }

    /** An administrator permission on es-1002 for {@code person}, asked for by a requester at {@code requester}. */
    private static RequestSubmitted permissionRequestFor(PermissionRequest.Person person, String requester) {
        RequestSubmitted sample = ReceiptEvents.to(RequestSubmittedMother.administratorPermission(), requester);
        return new RequestSubmitted(
                UUID.randomUUID(),
                "REQ-" + UUID.randomUUID(),
                sample.occurredAt(),
                sample.requestType(),
                sample.requester(),
                null,
                null,
                new PermissionRequest(
                        PermissionRequest.Change.GRANT,
                        PermissionRequest.PermissionRole.ADMINISTRATOR,
                        "es-1002",
                        "Ansökan om skolskjuts",
                        person,
                        null,
                        null));
    }

    @Test
    void tellsTheRequesterAndTheTeamOfAFailedRequestOnceHoweverOftenItArrives() {
        String anna = ReceiptEvents.uniqueAddress("anna");
        Requester requester = new Requester(
                "anna-" + UUID.randomUUID(), "Anna Andersson", anna, RequesterRole.ESERVICE_ADMINISTRATOR);
        String requestId = "REQ-" + UUID.randomUUID();
        String failure = "es-1002 has no active retention rule resting on decision BUN 1999/1";
        RequestStatusChanged failed = new RequestStatusChanged(
                UUID.randomUUID(),
                requestId,
                AT,
                requester,
                RequestType.PURGE,
                "es-1002",
                null,
                RequestStatusCode.IN_PROGRESS,
                RequestStatusCode.FAILED,
                3,
                "purge-service",
                "PurgeFailed",
                UUID.randomUUID().toString(),
                failure,
                null);

        ServiceEvents.publish(failed);
        RecordMetadata copy = ServiceEvents.publish(failed);

        assertThat(Mails.part(
                        Mails.awaitOne(anna, "Din begäran " + requestId + " kunde inte genomföras"), "text/plain"))
                .contains("Gallringen i din begäran " + requestId + " för e-tjänsten es-1002 kunde inte genomföras")
                .contains("Uppgift från gallringstjänsten: ”" + failure + "”");
        assertThat(Mails.part(Mails.awaitOne(TEAM, "Misslyckad begäran " + requestId + " (gallring)"), "text/plain"))
                .contains("Begäran: " + requestId + "\nTyp: gallring\nE-tjänst: es-1002\nBegärd av: Anna Andersson\n")
                .contains("Vad hände: gallringen kunde inte genomföras\nUppgift från tjänsten: ”" + failure + "”");

        ServiceEvents.awaitHandled(copy);
        awaitSentOnce(failed.eventId(), anna, "request-failed");
        awaitSentOnce(failed.eventId(), TEAM, "request-failed-team");
        assertThat(Mailboxes.to(anna)).hasSize(1);
        assertThat(Mails.to(TEAM, requestId)).hasSize(1);
    }

    @Test
    void tellsTheReferenceGroupOrTheArchivistsOfATeamRejectionByTheRequestsTypeOnceHoweverOftenItArrives() {
        String anna = ReceiptEvents.uniqueAddress("anna");
        Requester requester = new Requester(
                "anna-" + UUID.randomUUID(), "Anna Andersson", anna, RequesterRole.ESERVICE_ADMINISTRATOR);
        RequestRejected publication =
                rejectedByTeam(requester, RequestType.PUBLICATION, "Tjänsten ska inte publiceras");
        RequestRejected purge = rejectedByTeam(requester, RequestType.PURGE, "Beslutet ska omprövas");

        ServiceEvents.publish(publication);
        ServiceEvents.publish(purge);
        RecordMetadata publicationCopy = ServiceEvents.publish(publication);
        RecordMetadata purgeCopy = ServiceEvents.publish(purge);

        MimeMessage toTheGroup = Mails.awaitOne(
                REFERENCE_GROUP, "Avslagen begäran " + publication.requestId() + ": ingen granskning behövs");
        assertThat(Mails.part(toTheGroup, "text/plain"))
                .contains("Centrala teamet har avslagit begäran " + publication.requestId()
                        + " om publicering av e-tjänsten Skolskjuts.")
                .contains("granskningen nu avslutad: inget beslut behövs.\nMotivering: ”Tjänsten ska inte publiceras”");
        MimeMessage toTheArchivists =
                Mails.awaitOne(ARCHIVISTS, "Avslagen begäran " + purge.requestId() + ": inget godkännande behövs");
        assertThat(Mails.part(toTheArchivists, "text/plain"))
                .contains("planen återkallad och kommer inte att genomföras")
                .contains("Motivering: ”Beslutet ska omprövas”");
        assertThat(Mails.part(Mails.awaitOne(anna, publication.requestId() + " har avslagits"), "text/plain"))
                .contains("Centrala teamet har avslagit din begäran " + publication.requestId() + " om publicering.")
                .contains("Motivering: ”Tjänsten ska inte publiceras”");

        ServiceEvents.awaitHandled(publicationCopy); // keyed by request: perhaps two partitions
        ServiceEvents.awaitHandled(purgeCopy);
        awaitSentOnce(publication.eventId(), REFERENCE_GROUP, "request-rejected-review");
        awaitSentOnce(purge.eventId(), ARCHIVISTS, "request-rejected-purge");
        awaitSentOnce(publication.eventId(), anna, "request-rejected");
        awaitSentOnce(purge.eventId(), anna, "request-rejected");
        assertThat(Mails.to(REFERENCE_GROUP, publication.requestId())).hasSize(1);
        assertThat(Mails.to(ARCHIVISTS, purge.requestId())).hasSize(1);
        assertThat(Mails.to(ARCHIVISTS, publication.requestId())).isEmpty();
        assertThat(Mails.to(REFERENCE_GROUP, purge.requestId())).isEmpty();
        assertThat(Mails.to(TEAM, publication.requestId())).isEmpty();
    }

    private static RequestRejected rejectedByTeam(Requester requester, RequestType type, String reason) {
        return new RequestRejected(
                UUID.randomUUID(),
                "REQ-" + UUID.randomUUID(),
                AT,
                requester,
                type,
                "es-4711",
                "Skolskjuts",
                "cecilia",
                RequestRejected.ReasonCode.REJECTED_BY_TEAM,
                reason,
                null);
    }

    /** The event's one notification to the recipient with the template, sent (its outcome is written after the mail). */
    private void awaitSentOnce(UUID eventId, String recipient, String template) {
        await().untilAsserted(() -> assertThat(notificationsCausedBy(eventId, recipient, template))
                .singleElement()
                .satisfies(notification -> assertThat(notification.status()).isEqualTo(NotificationStatus.SENT)));
    }

    /** The notifications recorded for one event to one recipient with one template: one, or a duplicate. */
    private List<Notification> notificationsCausedBy(UUID eventId, String recipient, String template) {
        return notifications
                .search(new NotificationFilter(null, recipient, template, null, null, null), 0, 1000)
                .content()
                .stream()
                .filter(notification -> eventId.equals(notification.causedByEventId()))
                .toList();
    }

    private static String token(String role) {
        return SharedInfrastructure.get()
                .tokens()
                .tokenFor("u-" + role.toLowerCase(), "Test User", "test@kommun.example", List.of(role));
    }
}
