package se.municipality.eops.notification.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestRejected.ReasonCode;
import se.municipality.eops.contract.request.RequestStatusChanged;
import se.municipality.eops.contract.request.RequestStatusCode;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.contract.samples.EventSamples;
import se.municipality.eops.contract.samples.RequestLifecycleMother;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.notification.delivery.domain.Message;
import se.municipality.eops.notification.delivery.domain.ReceiptMail;
import se.municipality.eops.starter.messaging.EventJson;

/**
 * Every template of every rule, in both languages, rendered with the contract's sample events (and,
 * for the request events the contract does not have yet, with events of the agreed shapes; for a withdrawal,
 * with one of every request type and one without a reason as well; for a status change, failures of every cause; for
 * a rejection, every reason code, one the templates do not know and a team rejection of a publication): no
 * placeholder may be left, no value empty.
 */
class MessageTemplatesTest {

    private static final MessageTemplates TEMPLATES =
            new MessageTemplates("templates/notifications", "https://e-tjanster.kommun.example/");
    private static final List<NotificationRule> RULES = RulesFile.rules();
    private static final String PORTAL = "https://e-tjanster.kommun.example";

    /** The template as its rule's (first) recipient gets it. */
    private static Message render(String template, String language, Map<String, Object> fields) {
        RecipientSpec recipient = RULES.stream()
                .filter(rule -> rule.template().equals(template))
                .map(rule ->
                        RecipientSpec.alternatives(rule.recipients().get(0)).get(0))
                .findFirst()
                .orElseThrow();
        return TEMPLATES.render(template, language, fields, recipient);
    }

    static Stream<Arguments> everyRuleWithEverySampleInBothLanguages() {
        List<Arguments> cases = new ArrayList<>();
        for (NotificationRule rule : RULES) {
            if (rule.template().equals(ReceiptMail.TEMPLATE)) {
                continue; // ReceiptMailTest covers the receipt, a Java template
            }
            List<Map<String, Object>> samples = samplesOf(rule.event());
            assertThat(samples).as("samples of " + rule.event()).isNotEmpty();
            for (Map<String, Object> sample : samples) {
                for (String recipient : rule.recipients()) {
                    for (RecipientSpec alternative : RecipientSpec.alternatives(recipient)) {
                        for (String language : List.of("sv", "en")) {
                            cases.add(Arguments.of(rule.event(), rule.template(), alternative, language, sample));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} → {1} to {2} ({3})")
    @MethodSource("everyRuleWithEverySampleInBothLanguages")
    void leavesNoPlaceholderUnfilledAndNoValueEmptyAndLinksToAPageTheRecipientCanOpen(
            String event, String template, RecipientSpec recipient, String language, Map<String, Object> sample) {
        Message message = TEMPLATES.render(template, language, sample, recipient);

        assertThat(message.language()).isEqualTo(language);
        for (String part : new String[] {message.subject(), message.text(), message.html()}) {
            assertThat(part)
                    .isNotBlank()
                    .doesNotContainPattern("\\{\\d")
                    .doesNotContain("${")
                    .doesNotContain("[[")
                    .doesNotContain("null")
                    .doesNotContain(": \n")
                    .doesNotContain("()");
            assertThat(part.strip()).doesNotEndWith(":");
        }
        String page = pageFor(recipient, sample);
        assertThat(message.link()).as("the link to " + recipient).isEqualTo(page);
        if (page != null) {
            assertThat(message.text()).contains(" " + page + "\n\n");
            assertThat(message.html()).contains("<a href=\"" + page + "\">");
        } else {
            assertThat(message.text()).doesNotContain(PORTAL);
            assertThat(message.html()).doesNotContain("<a ");
        }
    }

    /**
     * The web portal's page for the recipient, as its pages per role are (web-portal's PageAccess and controllers):
     * the requester's request, the team's desk page, the reference group's (and a delegate's) reviews, the archivists'
     * plans; none for anyone else, e.g. the person a grant is for, who may not open the requester's page.
     */
    private static String pageFor(RecipientSpec recipient, Map<String, Object> event) {
        Object requestId = event.get("requestId");
        Object reviewId = event.get("reviewId");
        Object planId = event.get("planId") != null ? event.get("planId") : event.get("purgeId");
        return switch (recipient.kind() + ":" + recipient.argument()) {
            case "REQUESTER:null" -> requestId == null ? null : PORTAL + "/requests/" + requestId;
            case "MAILBOX:CENTRAL_TEAM" -> requestId == null ? null : PORTAL + "/team/requests/" + requestId;
            case "MAILBOX:REFERENCE_GROUP", "PERSON:delegate" ->
                reviewId == null ? PORTAL + "/reviews" : PORTAL + "/reviews/" + reviewId;
            case "MAILBOX:ARCHIVISTS" -> planId == null ? PORTAL + "/purges" : PORTAL + "/purges/" + planId;
            default -> null;
        };
    }

    @Test
    void linksEachRecipientToThePageOfTheirRoleAndThePersonAGrantIsForToNone() {
        Map<String, Object> withdrawn = fieldsOf(RequestLifecycleMother.withdrawn());
        Message toTheTeam =
                TEMPLATES.render("request-withdrawn", "sv", withdrawn, RecipientSpec.parse("mailbox:CENTRAL_TEAM"));
        assertThat(toTheTeam.link()).isEqualTo(PORTAL + "/team/requests/" + withdrawn.get("requestId"));
        assertThat(toTheTeam.text())
                .contains("Följ ärendet: " + PORTAL + "/team/requests/" + withdrawn.get("requestId"));

        Map<String, Object> review = Map.of("reviewId", "rev-7", "requestId", "REQ-1", "eServiceId", "es-1");
        Message toReviewers =
                TEMPLATES.render("review-requested", "en", review, RecipientSpec.parse("mailbox:REFERENCE_GROUP"));
        assertThat(toReviewers.link()).isEqualTo(PORTAL + "/reviews/rev-7");
        assertThat(toReviewers.text()).contains("Reviews in the e-service portal: " + PORTAL + "/reviews/rev-7");
        assertThat(TEMPLATES
                        .render(
                                "request-withdrawn-review",
                                "sv",
                                withdrawn,
                                RecipientSpec.parse("mailbox:REFERENCE_GROUP"))
                        .link())
                .isEqualTo(PORTAL + "/reviews");
        assertThat(TEMPLATES
                        .render(
                                "review-delegated",
                                "sv",
                                Map.of("delegationId", "d-1"),
                                RecipientSpec.parse("person:delegate"))
                        .link())
                .isEqualTo(PORTAL + "/reviews");

        Map<String, Object> plan = Map.of("planId", "plan-3", "requestId", "REQ-2", "eServiceId", "es-1");
        Message toArchivists =
                TEMPLATES.render("purge-plan-created", "sv", plan, RecipientSpec.parse("mailbox:ARCHIVISTS"));
        assertThat(toArchivists.link()).isEqualTo(PORTAL + "/purges/plan-3");
        assertThat(toArchivists.html())
                .contains("Gallringsplaner i e-tjänsteportalen: <a href=\"" + PORTAL + "/purges/plan-3\">");
        assertThat(TEMPLATES
                        .render("request-withdrawn-purge", "sv", withdrawn, RecipientSpec.parse("mailbox:ARCHIVISTS"))
                        .link())
                .isEqualTo(PORTAL + "/purges");

        Map<String, Object> granted = Map.of("requestId", "REQ-3", "role", "ADMINISTRATOR", "eServiceId", "es-1");
        Message toThePerson =
                TEMPLATES.render("permission-granted", "sv", granted, RecipientSpec.parse("person:person"));
        assertThat(toThePerson.link()).isNull();
        assertThat(toThePerson.text()).doesNotContain("/requests/").doesNotContain("Följ ärendet");
        assertThat(toThePerson.html()).doesNotContain("<a ");
        assertThat(TEMPLATES
                        .render("permission-granted", "sv", granted, RecipientSpec.parse("requester"))
                        .link())
                .isEqualTo(PORTAL + "/requests/REQ-3");
        assertThat(TEMPLATES
                        .render("permission-expiring", "sv", granted, RecipientSpec.parse("administrators"))
                        .link())
                .isNull();
    }

    @Test
    void linksNowhereWithoutAPortal() {
        MessageTemplates withoutPortal = new MessageTemplates("templates/notifications", " ");
        Message message = withoutPortal.render(
                "request-status-changed", "sv", requestEvent("RequestStatusChanged"), RecipientSpec.parse("requester"));

        assertThat(message.link()).isNull();
        assertThat(message.text()).doesNotContain("Följ ärendet");
    }

    @Test
    void namesADelegationsFirstAndLastDayInSwedishTimeNotItsExclusiveEnd() {
        // Made in the portal for 1 to 12 January 2027, whole days: from the first day's start to the day after the
        // last.
        Map<String, Object> delegation = new LinkedHashMap<>(Map.of(
                "delegationId", "d-1",
                "delegator", Map.of("name", "Rolf Rask"),
                "delegate", Map.of("name", "Rut Holm"),
                "from", "2026-12-31T23:00:00Z",
                "until", "2027-01-12T23:00:00Z"));

        assertThat(render("review-delegated", "sv", delegation).text())
                .contains("Rolf Rask låter Rut Holm fatta granskningsbeslut för sin räkning från och med 1 januari 2027"
                        + " till och med 12 januari 2027.")
                .doesNotContain("13 januari")
                .doesNotContain("kl.");
        assertThat(render("review-delegated", "en", delegation).text())
                .contains("from 1 January 2027 up to and including 12 January 2027.")
                .doesNotContain("13 January")
                .doesNotContain(" at ");
        // Summer time: midnight is 22:00 UTC.
        delegation.put("from", "2027-06-14T22:00:00Z");
        delegation.put("until", "2027-06-30T22:00:00Z");
        assertThat(render("review-delegated", "sv", delegation).text())
                .contains("från och med 15 juni 2027 till och med 30 juni 2027.");
        // A period not of whole days (publication-service's API takes any instant) keeps its times.
        delegation.put("from", "2027-06-15T06:30:00Z");
        delegation.put("until", "2027-06-30T15:00:00Z");
        assertThat(render("review-delegated", "en", delegation).text())
                .contains("from 15 June 2027 at 08:30 up to and including 30 June 2027 at 17:00.");
    }

    @Test
    void tellsThePersonAPermissionRequestWasForThatItWasWithdrawn() {
        Map<String, Object> withdrawn = fieldsOf(RequestLifecycleMother.withdrawn());
        Map<?, ?> requester = (Map<?, ?>) withdrawn.get("requester");
        RecipientSpec person = RecipientSpec.parse("request:permission.person");

        Message swedish = TEMPLATES.render("request-withdrawn-person", "sv", withdrawn, person);
        assertThat(swedish.subject())
                .isEqualTo("Återkallad begäran om behörighet för dig (" + withdrawn.get("requestId") + ")");
        assertThat(swedish.text())
                .contains(requester.get("name") + " har återkallat begäran " + withdrawn.get("requestId")
                        + " om behörighet för dig på e-tjänsten " + withdrawn.get("eServiceId"))
                .contains("Behörigheten ändras inte")
                .doesNotContain(String.valueOf(withdrawn.get("reason")));
        assertThat(swedish.link()).isNull(); // the requester's page is not theirs
        assertThat(TEMPLATES
                        .render("request-withdrawn-person", "en", withdrawn, person)
                        .text())
                .contains(requester.get("name") + " withdrew the request " + withdrawn.get("requestId")
                        + " for a permission for you on the e-service " + withdrawn.get("eServiceId"))
                .contains("The permission does not change");
    }

    @Test
    void everyRuleHasASampleItAppliesTo() {
        for (NotificationRule rule : RULES) {
            assertThat(samplesOf(rule.event()))
                    .as("samples of " + rule.event() + " that " + rule.template() + " applies to")
                    .anyMatch(rule::appliesTo);
        }
    }

    @Test
    void aWithdrawalWithoutAReasonLeavesTheReasonOutInsteadOfADash() {
        Map<String, Object> withoutReason = fieldsOf(withdrawn(RequestType.PURGE, null));

        assertThat(render("request-withdrawn", "sv", withoutReason).text())
                .contains("Typ: gallring\nE-tjänst: " + RequestLifecycleMother.E_SERVICE_ID)
                .contains("Återkallad av: u-anna\n\n" + "Följ ärendet:")
                .doesNotContain("Skäl")
                .doesNotContain("–")
                .doesNotContain("null");
        assertThat(render("request-withdrawn", "en", withoutReason).text())
                .contains("Withdrawn by: u-anna\n\nFollow the request:")
                .doesNotContain("Reason");
        assertThat(render("request-withdrawn", "sv", fieldsOf(withdrawn(RequestType.PURGE, "Fel e-tjänst")))
                        .text())
                .contains("Återkallad av: u-anna\nSkäl: Fel e-tjänst\n");
    }

    @Test
    void leavesOutTheLinesOfAbsentValuesAndKeepsThoseThatArePresent() {
        Map<String, Object> toReview = requestEvent("RequestStatusChanged");
        toReview.remove("reason");
        toReview.remove("missingItems");

        assertThat(render("request-status-changed", "sv", toReview).text())
                .contains("har bytt status från inskickad till väntar på granskning.\n\nFölj ärendet:")
                .doesNotContain("Kommentar")
                .doesNotContain("Saknas")
                .doesNotContain("–");

        Map<String, Object> awaitingTraining = new LinkedHashMap<>(Map.of(
                "requestId",
                "REQ-1",
                "role",
                "ADMINISTRATOR",
                "eServiceId",
                "es-1",
                "validUntil",
                "2027-06-30T22:00:00Z"));
        assertThat(render("permission-awaiting-training", "sv", awaitingTraining)
                        .text())
                .contains("Behörigheten administratör för es-1 är beviljad")
                .contains("(begäran REQ-1).\nGäller till: 1 juli 2027 kl. 00:00\n\n")
                .doesNotContain("Gäller från")
                .doesNotContain("–");
        awaitingTraining.put("validFrom", "2026-12-01T08:00:00Z");
        assertThat(render("permission-awaiting-training", "en", awaitingTraining)
                        .text())
                .contains("The administrator permission for es-1 is granted")
                .contains("Valid from: 1 December 2026 at 09:00\nValid until: 1 July 2027 at 00:00");
    }

    @Test
    void showsStatusesTypesAndRolesAsWordsInTheMailsLanguage() {
        Map<String, Object> toTraining = requestEvent("RequestStatusChanged");
        toTraining.put("fromStatus", "IN_PROGRESS");
        toTraining.put("toStatus", "WAITING_FOR_TRAINING");

        Message swedish = render("request-status-changed", "sv", toTraining);
        assertThat(swedish.subject()).isEqualTo("Din begäran REQ-1A2B har ny status: väntar på utbildning");
        assertThat(swedish.text()).contains("har bytt status från under arbete till väntar på utbildning.");
        assertThat(render("request-status-changed", "en", toTraining).text())
                .contains("moved from in progress to waiting for training.");
        assertThat(render("new-request", "sv", requestEvent("RequestCompleted")).subject())
                .isEqualTo("Ny begäran REQ-1A2B (publicering)");
        assertThat(render("new-request", "en", fieldsOf(RequestSubmittedMother.testCasePurge()))
                        .text())
                .contains("Type: purge\nPurge of: test cases\n");
        Map<String, Object> overdue = requestEvent("RequestOverdue");
        assertThat(render("request-overdue", "sv", overdue).text())
                .contains("(publicering) har legat i status under arbete sedan 20 november 2026 kl. 09:00, längre än"
                        + " tillåtna 5 dagar.");
        overdue.put("allowed", "PT1H");
        assertThat(render("request-overdue", "sv", overdue).text()).contains("längre än tillåtna 1 timme.");
        overdue.put("allowed", "PT36H");
        assertThat(render("request-overdue", "en", overdue).text()).contains("longer than the allowed 36 hours.");
        assertThat(TEMPLATES.label("status", "WAITING_FOR_PURGE_APPROVAL", "sv"))
                .isEqualTo("väntar på godkännande av gallring");
        assertThat(TEMPLATES.label("role", "CASE_HANDLER", "en")).isEqualTo("case handler");
    }

    @Test
    void showsACodeItHasNoWordForAsItIs() {
        Map<String, Object> toNewStatus = requestEvent("RequestStatusChanged");
        toNewStatus.put("toStatus", "WAITING_FOR_A_STATUS_ADDED_LATER");

        assertThat(render("request-status-changed", "sv", toNewStatus).subject())
                .isEqualTo("Din begäran REQ-1A2B har ny status: WAITING_FOR_A_STATUS_ADDED_LATER");
        assertThat(TEMPLATES.label("role", "AUDITOR", "en")).isEqualTo("AUDITOR");
    }

    @Test
    void wordsTheRejectionFromItsCodeAndQuotesTheServicesWordsOnlyWhereTheyAddSomething() {
        Map<String, Object> checklist = fieldsOf(RequestLifecycleMother.rejectedByChecklist());
        assertThat(render("request-rejected", "sv", checklist).text())
                .contains("om publicering av " + RequestLifecycleMother.E_SERVICE_NAME + " har avslagits: punkter i"
                        + " checklistan som måste vara bekräftade är inte det. Skicka en ny begäran när de är klara.\n"
                        + "Saknas: Testärenden är inskickade och kontrollerade")
                .doesNotContain("Blocked by the checklist");

        Map<String, Object> byTeam = fieldsOf(RequestLifecycleMother.rejectedByTeam());
        assertThat(render("request-rejected", "sv", byTeam).text())
                .contains("Centrala teamet har avslagit din begäran " + byTeam.get("requestId") + " om gallring.\n"
                        + "Motivering: ”Gallringsbeslutet gäller inte den här e-tjänsten”");
        assertThat(render("request-rejected", "en", byTeam).text())
                .contains("The central team rejected your purge request " + byTeam.get("requestId") + ".\n"
                        + "Their reasons: “Gallringsbeslutet gäller inte den här e-tjänsten”");

        Map<String, Object> byReviewer = fieldsOf(RequestLifecycleMother.rejectedByReviewer());
        assertThat(render("request-rejected", "sv", byReviewer).text())
                .contains("referensgruppen har avslagit granskningen av " + RequestLifecycleMother.E_SERVICE_NAME)
                .contains("Motivering: ”Informationstexten saknar kontaktuppgifter”");

        Map<String, Object> refused =
                fieldsOf(rejected(RequestType.PERMISSION, ReasonCode.PERMISSION_REFUSED, "NOT_GRANTED: no grant"));
        assertThat(render("request-rejected", "sv", refused).text())
                .contains("behörighetstjänsten kunde inte genomföra ändringen av behörigheten")
                .contains("Uppgift från behörighetstjänsten: ”NOT_GRANTED: no grant”");

        Map<String, Object> unknown = fieldsOf(rejected(RequestType.PURGE, ReasonCode.PURGE_REFUSED, "Some reason"));
        unknown.put("reasonCode", "A_CODE_ADDED_LATER");
        assertThat(render("request-rejected", "sv", unknown).text())
                .contains("om gallring har avslagits.\nSkäl: ”Some reason”");
    }

    @Test
    void tellsOfAFailedRequestInTheMailsLanguageWithTheServicesReasonAsADetail() {
        Map<String, Object> purgeFailed = fieldsOf(failed(RequestType.PURGE, "PurgeFailed", PURGE_FAILURE));

        Message toRequester = render("request-failed", "sv", purgeFailed);
        assertThat(toRequester.subject())
                .isEqualTo("Din begäran " + purgeFailed.get("requestId") + " kunde inte genomföras");
        assertThat(toRequester.text())
                .contains("Gallringen i din begäran " + purgeFailed.get("requestId") + " för e-tjänsten "
                        + RequestLifecycleMother.E_SERVICE_ID + " kunde inte genomföras")
                .contains("Inga ärenden har gallrats av den.")
                .contains("Uppgift från gallringstjänsten: ”" + PURGE_FAILURE + "”")
                .contains("Följ ärendet: https://e-tjanster.kommun.example/requests/");
        Message toTheTeam = render("request-failed-team", "sv", purgeFailed);
        assertThat(toTheTeam.subject()).isEqualTo("Misslyckad begäran " + purgeFailed.get("requestId") + " (gallring)");
        assertThat(toTheTeam.text())
                .contains("Status innan: under arbete\nVad hände: gallringen kunde inte genomföras\n"
                        + "Uppgift från tjänsten: ”" + PURGE_FAILURE + "”");

        // A request has a purge plan per rule: the one that expired purged nothing, the others may have; the reason
        // names the plan and its rule and what the others did.
        String planExpired = "The purge plan plan-1 under rule rule-2 expired at 2026-12-11T09:16:00Z before an"
                + " archivist approved it; 1 of the request's 2 purges was done by then: 1,000 cases purged";
        Map<String, Object> planFailed = fieldsOf(failed(RequestType.PURGE, "PurgePlanExpired", planExpired));
        assertThat(render("request-failed", "sv", planFailed).text())
                .contains("Inga ärenden har gallrats enligt den planen.")
                .contains("Uppgift från gallringstjänsten: ”" + planExpired + "”");
        assertThat(render("request-failed", "en", planFailed).text())
                .contains("That plan purged no cases.")
                .contains("From the purge service: “" + planExpired + "”");

        Map<String, Object> expired = fieldsOf(failed(RequestType.PERMISSION, "PermissionExpired", "The ... expired"));
        assertThat(render("request-failed", "en", expired).text())
                .contains("was waiting for training but expired before the training was recorded")
                .doesNotContain("The ... expired"); // the lead sentence says it all

        Map<String, Object> unknownCause = fieldsOf(failed(RequestType.PUBLICATION, "SomethingNew", null));
        assertThat(render("request-failed", "sv", unknownCause).text())
                .contains("Din begäran " + unknownCause.get("requestId") + " om publicering kunde inte genomföras")
                .doesNotContain("Uppgift från tjänsten");
    }

    @Test
    void everyWordingByAFieldsValueIsRenderedBySomeSample() {
        ResourceBundle swedish = ResourceBundle.getBundle("templates/notifications", Locale.forLanguageTag("sv"));
        for (NotificationRule rule : RULES) {
            String variantKey = rule.template() + ".variant";
            if (!swedish.containsKey(variantKey)) {
                continue;
            }
            String field = swedish.getString(variantKey).strip();
            List<Object> sampled = samplesOf(rule.event()).stream()
                    .filter(rule::appliesTo)
                    .map(sample -> sample.get(field))
                    .toList();
            for (String key : swedish.keySet()) {
                if (key.startsWith(rule.template() + ".text.")) {
                    assertThat(sampled)
                            .as(key + " needs a sample that " + rule.template() + " applies to")
                            .contains(key.substring((rule.template() + ".text.").length()));
                }
            }
        }
    }

    @Test
    void writesEnglishForThoseWhoPreferItAndSwedishOtherwise() {
        Map<String, Object> rejected = requestEvent("RequestRejected");

        assertThat(render("request-rejected", "en", rejected).subject())
                .isEqualTo("Your request REQ-1A2B was rejected");
        assertThat(render("request-rejected", "sv", rejected).text())
                .contains("punkter i checklistan som måste vara bekräftade är inte det")
                .contains("Saknas: Tillgänglighetsredogörelse, Personuppgiftsanalys");
        assertThat(render("request-rejected", "fi", rejected).language()).isEqualTo("sv");
    }

    @Test
    void escapesTheHtmlPart() {
        Map<String, Object> comment = requestEvent("RequestCommented");
        comment.put("text", "<script>alert(1)</script> & more");

        Message message = render("request-commented", "sv", comment);

        assertThat(message.html())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
                .doesNotContain("<script>");
        assertThat(message.text()).contains("<script>alert(1)</script> & more");
    }

    private static List<Map<String, Object>> samplesOf(String eventType) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (DomainEvent event : EventSamples.all()) {
            if (EventSamples.typeOf(event).name().equals(eventType)) {
                samples.add(fieldsOf(event));
            }
        }
        if (samples.isEmpty() && eventType.startsWith("Request")) {
            samples.add(requestEvent(eventType));
        }
        if (eventType.equals("RequestWithdrawn")) {
            // The contract's sample is a permission request with a reason; the rules differ by type.
            samples.add(fieldsOf(withdrawn(RequestType.PUBLICATION, null)));
            samples.add(fieldsOf(withdrawn(RequestType.PURGE, "Gallringen görs i ett annat ärende")));
        }
        if (eventType.equals("RequestStatusChanged")) {
            // The contract has no failed request; the templates word each cause, and one they do not know.
            samples.add(fieldsOf(failed(RequestType.PURGE, "PurgeFailed", PURGE_FAILURE)));
            samples.add(fieldsOf(failed(RequestType.PURGE, "PurgePlanExpired", "The purge plan expired at ...")));
            samples.add(fieldsOf(failed(RequestType.PERMISSION, "PermissionRevoked", "The administrator ...")));
            samples.add(fieldsOf(failed(RequestType.PERMISSION, "PermissionExpired", "The administrator ...")));
            samples.add(fieldsOf(failed(RequestType.PUBLICATION, null, null)));
        }
        if (eventType.equals("RequestRejected")) {
            // The contract's samples: checklist, reviewer, team (a purge). The rules and texts differ by code and type.
            samples.add(fieldsOf(rejected(RequestType.PUBLICATION, ReasonCode.REJECTED_BY_TEAM, null)));
            samples.add(fieldsOf(rejected(RequestType.PUBLICATION, ReasonCode.PUBLICATION_BLOCKED, "ALREADY_EXISTS")));
            samples.add(fieldsOf(rejected(RequestType.PERMISSION, ReasonCode.PERMISSION_REFUSED, "NOT_GRANTED: ...")));
            samples.add(fieldsOf(rejected(RequestType.PURGE, ReasonCode.PURGE_REFUSED, "No such rule")));
            Map<String, Object> unknownCode = fieldsOf(rejected(RequestType.PURGE, ReasonCode.PURGE_REFUSED, "Nope"));
            unknownCode.put("reasonCode", "A_CODE_ADDED_LATER");
            samples.add(unknownCode);
        }
        return samples;
    }

    static final String PURGE_FAILURE = "es-1002 has no active retention rule resting on decision BUN 1999/1";

    /** The contract's sample status change ({@link RequestLifecycleMother#waitingForReview()}) into FAILED. */
    static RequestStatusChanged failed(RequestType type, String causeEventType, String reason) {
        RequestStatusChanged sample = RequestLifecycleMother.waitingForReview();
        return new RequestStatusChanged(
                sample.eventId(),
                sample.requestId(),
                sample.occurredAt(),
                sample.requester(),
                type,
                sample.eServiceId(),
                null,
                RequestStatusCode.IN_PROGRESS,
                RequestStatusCode.FAILED,
                3,
                "purge-service",
                causeEventType,
                causeEventType == null ? null : UUID.randomUUID().toString(),
                reason,
                null);
    }

    /** The contract's sample team rejection ({@link RequestLifecycleMother#rejectedByTeam()}) of another kind. */
    static RequestRejected rejected(RequestType type, ReasonCode code, String reason) {
        RequestRejected sample = RequestLifecycleMother.rejectedByTeam();
        return new RequestRejected(
                sample.eventId(),
                sample.requestId(),
                sample.occurredAt(),
                sample.requester(),
                type,
                sample.eServiceId(),
                RequestLifecycleMother.E_SERVICE_NAME,
                sample.rejectedBy(),
                code,
                reason,
                null);
    }

    /** The contract's sample withdrawal ({@link RequestLifecycleMother#withdrawn()}) of another type and reason. */
    static RequestWithdrawn withdrawn(RequestType type, String reason) {
        RequestWithdrawn sample = RequestLifecycleMother.withdrawn();
        return new RequestWithdrawn(
                sample.eventId(),
                sample.requestId(),
                sample.occurredAt(),
                sample.requester(),
                type,
                sample.eServiceId(),
                sample.withdrawnBy(),
                reason);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fieldsOf(DomainEvent event) {
        return EventJson.mapper().convertValue(event, Map.class);
    }

    /** A request event of the shape agreed with request-service (common fields plus the type's own). */
    static Map<String, Object> requestEvent(String type) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("requestId", "REQ-1A2B");
        event.put("occurredAt", Instant.parse("2026-11-27T09:15:31Z").toString());
        event.put(
                "requester",
                Map.of("userId", "anna", "name", "Anna Andersson", "email", "anna@kommun.example", "role", "EMPLOYEE"));
        event.put("requestType", "PUBLICATION");
        event.put("eServiceId", "es-4711");
        event.put("eServiceName", "Skolskjuts");
        List<Map<String, Object>> missing = List.of(
                Map.of("itemId", "a11y", "text", "Tillgänglighetsredogörelse"), Map.of("text", "Personuppgiftsanalys"));
        switch (type) {
            case "RequestStatusChanged" -> {
                event.put("fromStatus", "SUBMITTED");
                event.put("toStatus", "WAITING_FOR_REVIEW");
                event.put("sequence", 2);
                event.put("actor", "publication-service");
                event.put("reason", "Granskning beställd");
                event.put("missingItems", missing);
            }
            case "RequestCompleted" -> event.put("outcome", "Published version 1.0");
            case "RequestRejected" -> {
                event.put("rejectedBy", "cecilia");
                event.put("reasonCode", "CHECKLIST_INCOMPLETE");
                event.put("reason", "Checklistan är inte komplett");
                event.put("missingItems", missing);
            }
            case "RequestCommented" -> {
                event.put("commentId", "c-1");
                event.put("author", "cecilia");
                event.put("authorRole", "CENTRAL_TEAM");
                event.put("text", "Kan du bifoga tillgänglighetsredogörelsen?");
            }
            case "RequestOverdue" -> {
                event.put("status", "IN_PROGRESS");
                event.put("statusSince", "2026-11-20T08:00:00Z");
                event.put("allowed", "P5D");
                event.put("assignee", "cecilia");
                event.put("remind", List.of("CENTRAL_TEAM"));
            }
            default -> throw new IllegalArgumentException("no sample of " + type);
        }
        return event;
    }
}
